// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.OverflowPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class AuditHealthIndicatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private AuditHealthIndicator indicator(ActivityRecorder recorder) {
        return new AuditHealthIndicator(recorder, Duration.ofSeconds(30), Duration.ofMinutes(5), clock);
    }

    @Test
    void upWhileRecordsAreWritten() {
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(InMemoryActivityStore.create()).build()) {
            recorder.record(ActionType.READ, b -> b.actor("alice"));
            recorder.flush(Duration.ofSeconds(5));
            Health health = indicator(recorder).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("written", 1L).containsEntry("dropped", 0L);
        }
    }

    @Test
    void downAfterALossUntilTheWindowHasPassed() {
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(batch -> {
                    throw new IllegalStateException("database down");
                })
                .retry(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .clock(clock)
                .build()) {
            AuditHealthIndicator indicator = indicator(recorder);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            recorder.record(ActionType.READ, b -> b.actor("alice"));
            recorder.flush(Duration.ofSeconds(5));
            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("failed", 1L);
            assertThat((String) down.getDetails().get("lastError")).contains("database down");
            clock.advance(Duration.ofMinutes(4));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            clock.advance(Duration.ofMinutes(2));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void upWithJournalDetailsWhileTheStoreIsDownAndRecordsWaitOnDisk(@TempDir Path journal) throws Exception {
        AtomicBoolean storeDown = new AtomicBoolean(true);
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(batch -> {
                    if (storeDown.get()) {
                        throw new IllegalStateException("database down");
                    }
                    store.append(batch);
                })
                .journal(journal)
                .retry(1, Duration.ofMillis(1), Duration.ofMillis(5))
                .clock(clock)
                .build()) {
            AuditHealthIndicator indicator = indicator(recorder);
            recorder.record(ActionType.READ, b -> b.actor("alice"));
            JournalAwait.until(recorder, s -> s.spilled() == 1);
            Health waiting = indicator.health();
            assertThat(waiting.getStatus()).isEqualTo(Status.UP);
            assertThat(waiting.getDetails())
                    .containsEntry("spilled", 1L)
                    .containsEntry("failed", 0L)
                    .containsKey("journal")
                    .containsKey("oldestJournaledAgeMs");
            assertThat((Long) waiting.getDetails().get("journalBytes")).isPositive();
            storeDown.set(false);
            JournalAwait.untilReplayed(recorder);
            Health replayed = indicator.health();
            assertThat(replayed.getStatus()).isEqualTo(Status.UP);
            assertThat(replayed.getDetails())
                    .containsEntry("replayed", 1L)
                    .containsEntry("journalBytes", 0L)
                    .doesNotContainKey("journal");
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void downWhileTheWriterIsStuck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(batch -> {
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .batchSize(1)
                .overflow(OverflowPolicy.DROP)
                .clock(clock)
                .build()) {
            AuditHealthIndicator indicator = indicator(recorder);
            recorder.record(ActionType.READ, b -> b.actor("first"));
            writing.await();
            recorder.record(ActionType.READ, b -> b.actor("waiting"));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            clock.advance(Duration.ofSeconds(31));
            Health stuck = indicator.health();
            assertThat(stuck.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) stuck.getDetails().get("reason")).contains("stuck");
            release.countDown();
        }
    }
}
