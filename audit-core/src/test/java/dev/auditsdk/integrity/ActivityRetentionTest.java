// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.read.ReadScope;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.ActivityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityRetentionTest {
    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void purgesAfterTheMarkerIsStored() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        store.append(
                List.of(ActivityLog.builder(ActionType.READ).occurredAt(OLD).build()));
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(store).build()) {
            long deleted = ActivityRetention.purgeBefore(recorder, store, CUTOFF, Duration.ofSeconds(10));

            assertThat(deleted).isEqualTo(1);
            assertThat(store.find(ActivityQuery.builder().build()).items())
                    .extracting(ActivityLog::action)
                    .containsExactly(ActivityRetention.PURGE);
        }
    }

    @Test
    void aMarkerTheRecorderGaveUpOnStopsThePurge() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        store.append(
                List.of(ActivityLog.builder(ActionType.READ).occurredAt(OLD).build()));
        ActivitySink broken = batch -> {
            throw new IllegalStateException("sink down");
        };
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(broken)
                .retry(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .build()) {
            // flush() returns true here: the batch was given up, not left waiting
            assertThatThrownBy(() -> ActivityRetention.purgeBefore(recorder, store, CUTOFF, Duration.ofSeconds(10)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not in the store")
                    .hasMessageContaining("nothing purged");
            assertThat(recorder.stats().lost()).isEqualTo(1);
        }
        assertThat(store.find(ActivityQuery.builder().build()).items()).hasSize(1);
    }

    @Test
    void perTenantRetentionKeepsEachTenantsPeriodAndTheTrailVerifiesClean() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        Instant now = Instant.now();
        Duration year = Duration.ofDays(365);
        List<ActivityLog> recent = new ArrayList<>();
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(store).mode(RecorderMode.SYNC).build()) {
            // interleaved in one chain: ages of 10, 5 and 2 years and 30 days, for acme, globex and no tenant
            for (Duration age :
                    List.of(year.multipliedBy(10), year.multipliedBy(5), year.multipliedBy(2), Duration.ofDays(30))) {
                for (String tenant : Arrays.asList("acme", "globex", null)) {
                    ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
                            .occurredAt(now.minus(age))
                            .tenant(tenant)
                            .actor("u-" + tenant)
                            .build();
                    recorder.record(log);
                    if (age.toDays() == 30) {
                        recent.add(log);
                    }
                }
            }
            RetentionPolicy policy = RetentionPolicy.builder()
                    .defaultPeriod(year)
                    .tenant("acme", year.multipliedBy(7))
                    .build();

            long deleted = ActivityRetention.purge(recorder, store, policy, now, Duration.ofSeconds(10));

            // acme: only the 10-year-old row; globex and no tenant: everything older than a year
            assertThat(deleted).isEqualTo(1 + 3 + 3);
        }
        List<ActivityLog> left = store.all();
        assertThat(left.stream()
                        .filter(l -> !l.action().equals(ActivityRetention.PURGE))
                        .filter(l -> l.tenant().filter("acme"::equals).isPresent()))
                .extracting(l -> Duration.between(l.occurredAt(), now).toDays() / 365)
                .containsExactlyInAnyOrder(5L, 2L, 0L);
        assertThat(left.stream().filter(l -> !l.action().equals(ActivityRetention.PURGE)))
                .filteredOn(l -> !l.tenant().filter("acme"::equals).isPresent())
                .allMatch(l -> l.occurredAt().isAfter(now.minus(year)));
        assertThat(left.stream().filter(l -> l.action().equals(ActivityRetention.PURGE)))
                .extracting(l -> l.tenant().orElse("-"))
                .containsExactlyInAnyOrder("acme", "-");

        for (ReadScope scope : List.of(ReadScope.allTenants(), ReadScope.tenant("acme"), ReadScope.tenant("globex"))) {
            VerificationReport report = scope.verify(store, null, ActivityVerifier.builder(), n -> true);
            assertThat(report.clean()).as(scope + ": " + report.toJson()).isTrue();
            assertThat(report.purgedGaps()).as(scope.toString()).isPositive();
        }

        // a recent row deleted outside retention is still reported
        InMemoryActivityStore tampered = InMemoryActivityStore.create();
        tampered.append(
                left.stream().filter(l -> !l.id().equals(recent.get(1).id())).toList());
        VerificationReport report =
                ReadScope.tenant("acme").verify(tampered, null, ActivityVerifier.builder(), n -> true);
        assertThat(report.issues()).extracting(VerificationIssue::kind).containsExactly(VerificationIssue.Kind.GAP);
    }

    @Test
    void aPolicyWithTenantsNeedsAStoreThatPurgesByTenant() {
        InMemoryActivityStore backing = InMemoryActivityStore.create();
        ActivityStore plain = new ActivityStore() {
            @Override
            public void append(List<ActivityLog> batch) {
                backing.append(batch);
            }

            @Override
            public ActivityPage find(ActivityQuery query) {
                return backing.find(query);
            }

            @Override
            public Optional<ActivityLog> get(UUID id) {
                return backing.get(id);
            }

            @Override
            public long purgeBefore(Instant cutoff) {
                return backing.purgeBefore(cutoff);
            }
        };
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(plain).mode(RecorderMode.SYNC).build()) {
            RetentionPolicy policy =
                    RetentionPolicy.builder().tenant("acme", Duration.ofDays(1)).build();
            assertThatThrownBy(() -> ActivityRetention.purge(recorder, plain, policy, CUTOFF, Duration.ofSeconds(10)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(ActivityRetention.purge(
                            recorder,
                            plain,
                            RetentionPolicy.builder()
                                    .defaultPeriod(Duration.ofDays(1))
                                    .build(),
                            CUTOFF,
                            Duration.ofSeconds(10)))
                    .isZero();
        }
        assertThatThrownBy(() -> RetentionPolicy.builder().tenant(" ", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetentionPolicy.builder().defaultPeriod(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
