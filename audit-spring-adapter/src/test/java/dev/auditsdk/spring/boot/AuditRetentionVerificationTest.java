// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.integrity.ActivityRetention;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.read.ReadScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Boot's scheduled retention keeps the trail verifiable: it purges through core's {@link ActivityRetention}. */
class AuditRetentionVerificationTest {
    @TempDir
    Path dir;

    @Test
    void purgeByRetentionLeavesATrailTheVerifierCallsClean() throws IOException {
        KeyPair keys = Checkpoints.generateKeyPair();
        Path key = Files.writeString(dir.resolve("audit-private.pem"), Checkpoints.toPem(keys.getPrivate()));
        Path checkpoints = dir.resolve("audit.chk");
        InMemoryActivityStore store = InMemoryActivityStore.create();
        Instant now = Instant.now();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditRecorderAutoConfiguration.class))
                .withBean(InMemoryActivityStore.class, () -> store)
                .withPropertyValues(
                        "audit.retention=90d",
                        "audit.checkpoints.file=" + checkpoints,
                        "audit.checkpoints.private-key=" + key,
                        "audit.checkpoints.every-records=1",
                        "audit.checkpoints.every=1h")
                .run(ctx -> {
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    for (int i = 0; i < 3; i++) {
                        recorder.record(
                                ActionType.READ, b -> b.actor("old").occurredAt(now.minus(Duration.ofDays(100))));
                    }
                    recorder.record(
                            ActionType.UPDATE, b -> b.actor("recent").occurredAt(now.minus(Duration.ofDays(1))));
                    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

                    assertThat(ctx.getBean(AuditRetention.class).purgeNow()).isEqualTo(3);

                    recorder.record(ActionType.READ, b -> b.actor("after"));
                    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
                });

        List<ActivityLog> rows = store.all().stream()
                .sorted(Comparator.comparing(
                                (ActivityLog l) -> l.integrity().orElseThrow().chainId())
                        .thenComparingLong(l -> l.integrity().orElseThrow().seq()))
                .toList();
        assertThat(rows)
                .extracting(l -> l.actor().orElse("-"))
                .doesNotContain("old")
                .contains("recent", "after");
        VerificationReport report = ActivityVerifier.builder()
                .checkpoints(FileCheckpointSink.of(checkpoints).readAll(), keys.getPublic())
                .build()
                .verify(rows);
        assertThat(report.clean()).as(report.toJson()).isTrue();
        assertThat(rows).anyMatch(l -> l.action().equals(ActivityRetention.PURGE));
    }

    @Test
    void aTenantsOwnRetentionKeepsItsRecordsLongerAndTheTrailStaysClean() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        Instant now = Instant.now();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditRecorderAutoConfiguration.class))
                .withBean(InMemoryActivityStore.class, () -> store)
                .withPropertyValues("audit.retention=90d", "audit.tenants.retention.acme=400d")
                .run(ctx -> {
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    // in time order, as a live trail is chained
                    for (int days : List.of(500, 200, 1)) {
                        for (String tenant : List.of("acme", "globex")) {
                            recorder.record(
                                    ActionType.READ,
                                    b -> b.actor(tenant + "-" + days)
                                            .tenant(tenant)
                                            .occurredAt(now.minus(Duration.ofDays(days))));
                        }
                    }
                    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

                    assertThat(ctx.getBean(AuditRetention.class).purgeNow()).isEqualTo(3);
                });

        assertThat(store.all())
                .filteredOn(l -> !l.action().equals(ActivityRetention.PURGE))
                .extracting(l -> l.actor().orElse("-"))
                .containsExactlyInAnyOrder("acme-200", "acme-1", "globex-1");
        for (ReadScope scope : List.of(ReadScope.allTenants(), ReadScope.tenant("acme"), ReadScope.tenant("globex"))) {
            VerificationReport report = scope.verify(store, null, ActivityVerifier.builder(), n -> true);
            assertThat(report.clean()).as(scope + ": " + report.toJson()).isTrue();
        }
    }
}
