// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.integrity.ActivityRetention;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.RetentionPolicy;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.read.ReadScope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-tenant retention through the chained markers leaves a trail every auditor verifies clean. */
class TenantRetentionIT {
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void acmeKeepsSevenYearsEveryoneElseOneAndTheTrailStaysClean(String database) {
        try (TestDb db = TestDb.open(database, dir)) {
            JdbiActivityStore store = db.store();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (ActivityRecorder recorder = ActivityRecorder.builder()
                    .store(store)
                    .mode(RecorderMode.SYNC)
                    .closeSinkOnClose(false)
                    .build()) {
                for (int i = 0; i < 300; i++) {
                    // ages from 10 years to a day, tenants interleaved in the one chain
                    Duration age = Duration.ofDays(3650 - i * 12L);
                    @Nullable
                    String tenant = Arrays.asList("acme", "globex", null).get(i % 3);
                    recorder.record(ActivityLog.builder(ActionType.UPDATE)
                            .occurredAt(now.minus(age))
                            .tenant(tenant)
                            .actor("user" + i)
                            .target("Invoice", i)
                            .build());
                }
                RetentionPolicy policy = RetentionPolicy.builder()
                        .defaultPeriod(YEAR)
                        .tenant("acme", YEAR.multipliedBy(7))
                        .build();

                long deleted = ActivityRetention.purge(recorder, store, policy, now, Duration.ofSeconds(30));

                assertThat(deleted).isEqualTo(expectedDeleted(now));
            }
            List<ActivityLog> left = store.find(ActivityQuery.builder()
                            .limit(ActivityQuery.MAX_LIMIT)
                            .build())
                    .items();
            assertThat(left)
                    .filteredOn(l -> !l.action().equals(ActivityRetention.PURGE))
                    .allMatch(l -> l.occurredAt()
                            .isAfter(now.minus(
                                    l.tenant().filter("acme"::equals).isPresent() ? YEAR.multipliedBy(7) : YEAR)));
            assertThat(left)
                    .filteredOn(l -> l.tenant().filter("acme"::equals).isPresent())
                    .anyMatch(l -> l.occurredAt().isBefore(now.minus(YEAR.multipliedBy(5))));
            for (ReadScope scope :
                    List.of(ReadScope.allTenants(), ReadScope.tenant("acme"), ReadScope.tenant("globex"))) {
                VerificationReport report = scope.verify(store, null, ActivityVerifier.builder(), n -> true);
                assertThat(report.clean())
                        .as(database + " " + scope + ": " + report.toJson())
                        .isTrue();
                assertThat(report.purgedGaps()).isPositive();
            }
        }
    }

    private static long expectedDeleted(Instant now) {
        long n = 0;
        for (int i = 0; i < 300; i++) {
            Instant at = now.minus(Duration.ofDays(3650 - i * 12L));
            boolean acme = i % 3 == 0;
            if (at.isBefore(now.minus(acme ? YEAR.multipliedBy(7) : YEAR))) {
                n++;
            }
        }
        return n;
    }
}
