// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.OverflowPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditMeterBinderTest {
    @Test
    void metersFollowTheRecorderStats() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(InMemoryActivityStore.create()).build()) {
            AuditMeterBinder.of(recorder).bindTo(registry);
            for (int i = 0; i < 3; i++) {
                recorder.record(ActionType.CREATE, b -> b.actor("alice"));
            }
            recorder.flush(Duration.ofSeconds(5));
            assertThat(registry.get("audit.records.enqueued").functionCounter().count())
                    .isEqualTo(3);
            assertThat(registry.get("audit.records.written").functionCounter().count())
                    .isEqualTo(3);
            assertThat(registry.get("audit.records.dropped").functionCounter().count())
                    .isZero();
            assertThat(registry.get("audit.queue.depth").gauge().value()).isZero();
            assertThat(registry.get("audit.queue.oldest.age").timeGauge().value())
                    .isZero();
        }
    }

    @Test
    void journalMetersFollowSpillAndReplay(@TempDir Path journal) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean storeDown = new AtomicBoolean(true);
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(batch -> {
                    if (storeDown.get()) {
                        throw new IllegalStateException("database down");
                    }
                })
                .journal(journal)
                .retry(1, Duration.ofMillis(1), Duration.ofMillis(5))
                .build()) {
            AuditMeterBinder.of(recorder).bindTo(registry);
            recorder.record(ActionType.CREATE, b -> b.actor("alice"));
            recorder.record(ActionType.CREATE, b -> b.actor("bob"));
            JournalAwait.until(recorder, s -> s.spilled() == 2);
            assertThat(registry.get("audit.records.spilled").functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get("audit.journal.bytes").gauge().value()).isPositive();
            assertThat(registry.get("audit.records.failed").functionCounter().count())
                    .isZero();
            storeDown.set(false);
            JournalAwait.untilReplayed(recorder);
            assertThat(registry.get("audit.records.replayed").functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get("audit.journal.bytes").gauge().value()).isZero();
            assertThat(registry.get("audit.journal.oldest.age").timeGauge().value())
                    .isZero();
            assertThat(registry.get("audit.records.quarantined")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(registry.get("audit.journal.skipped").functionCounter().count())
                    .isZero();
        }
    }

    @Test
    void transactionMetersFollowHeldAndDiscarded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(InMemoryActivityStore.create()).build()) {
            AuditMeterBinder.of(recorder).bindTo(registry);
            ActivityTransaction tx = recorder.beginTransaction();
            tx.record(ActionType.CREATE, b -> b.actor("alice"));
            tx.record(ActionType.CREATE, b -> b.actor("bob"));
            assertThat(registry.get("audit.transactions.held").gauge().value()).isEqualTo(2);
            tx.close();
            assertThat(registry.get("audit.transactions.held").gauge().value()).isZero();
            assertThat(registry.get("audit.records.discarded").functionCounter().count())
                    .isEqualTo(2);
        }
    }

    @Test
    void dropsAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ActivityRecorder recorder = ActivityRecorder.builder()
                .store(InMemoryActivityStore.create())
                .overflow(OverflowPolicy.DROP)
                .build();
        AuditMeterBinder.of(recorder).bindTo(registry);
        recorder.close();
        recorder.record(ActionType.CREATE, b -> b.actor("late"));
        assertThat(registry.get("audit.records.dropped").functionCounter().count())
                .isEqualTo(1);
    }
}
