// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.testlog.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class DefaultActivityRecorderTest {

    @Test
    void sixteenProducersLoseAndDuplicateNothing() throws Exception {
        RecordingSinks.Counting sink = new RecordingSinks.Counting();
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(sink)
                .blockTimeout(Duration.ofSeconds(30)) // lossless back-pressure for this test
                .closeTimeout(Duration.ofMinutes(1))
                .build();
        int producers = 16;
        int perProducer = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                String actor = "user-" + p;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        int n = i;
                        recorder.record(ActionType.READ, b -> b.actor(actor).target("Post", n));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        RecorderStats stats = recorder.close(Duration.ofMinutes(1));
        assertThat(stats.dropped()).isZero();
        assertThat(stats.failed()).isZero();
        assertThat(stats.enqueued()).isEqualTo(800_000);
        assertThat(stats.written()).isEqualTo(800_000);
        assertThat(sink.appended.get()).isEqualTo(800_000);
        assertThat(sink.duplicates.get()).isZero();
        assertThat(sink.store.size()).isEqualTo(800_000);
    }

    @Test
    void retriesASinkThatFailsThenRecovers() {
        RecordingSinks.FailingFirst sink = new RecordingSinks.FailingFirst(5);
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(sink)
                .retry(10, Duration.ofMillis(5), Duration.ofMillis(20))
                .build();
        for (int i = 0; i < 100; i++) {
            recorder.record(ActionType.CREATE, b -> b.actor("alice"));
        }
        assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        RecorderStats stats = recorder.close(Duration.ofSeconds(10));
        assertThat(sink.store.size()).isEqualTo(100);
        assertThat(stats.retried()).isEqualTo(5);
        assertThat(stats.written()).isEqualTo(100);
        assertThat(stats.lost()).isZero();
        assertThat(stats.lastError()).hasValueSatisfying(e -> assertThat(e).contains("database unavailable"));
    }

    @Test
    void closeWithAnAlwaysFailingSinkEndsByItsDeadlineCountsAndLogsTheLoss() throws Exception {
        ActivitySink broken = batch -> {
            throw new IllegalStateException("disk on fire");
        };
        String thread = "audit-writer-always-failing";
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(broken)
                .threadName(thread)
                .retry(1_000, Duration.ofMillis(50), Duration.ofMillis(200))
                .build();
        for (int i = 0; i < 250; i++) {
            recorder.record(ActionType.UPDATE, b -> b.actor("bob"));
        }
        RecorderStats stats;
        List<String> errors;
        long started = System.nanoTime();
        try (LogCapture logs = LogCapture.ofThisThreadAnd(thread)) {
            stats = recorder.close(Duration.ofMillis(500));
            errors = logs.messages(Level.ERROR);
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // Liveness, not speed: the deadline plus the bounded writer join, with room for a slow machine.
        assertThat(tookMillis).isLessThan(10_000);
        assertThat(stats.written()).isZero();
        assertThat(stats.failed()).isEqualTo(250);
        assertThat(stats.lost()).isEqualTo(250);
        assertThat(errors).anyMatch(m -> m.contains("250 records could not be written"));
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith(thread) && t.isAlive());
    }

    @Test
    void closeWithAHungSinkAndNoJournalReturnsByItsDeadlineAndCountsTheLoss() throws Exception {
        RecordingSinks.Hung hung = new RecordingSinks.Hung();
        ActivityRecorder.Builder builder =
                ActivityRecorder.builder().sink(hung).batchSize(100).closeSinkOnClose(false);
        AtomicLong readings = new AtomicLong();
        builder.ticker =
                () -> readings.getAndIncrement() * Duration.ofMinutes(10).toNanos();
        ActivityRecorder recorder = builder.build();
        for (int i = 0; i < 250; i++) {
            recorder.record(ActionType.UPDATE, b -> b.actor("erin"));
        }
        assertThat(hung.entered.await(30, TimeUnit.SECONDS)).isTrue();
        RecorderStats stats;
        try {
            stats = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> recorder.close(Duration.ofHours(1)));
        } finally {
            hung.release();
        }
        assertThat(stats.failed()).isEqualTo(250);
        assertThat(stats.written()).isZero();
    }

    @Test
    void dropPolicyCountsEveryRecordThatDidNotFit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InMemoryActivityStore store = InMemoryActivityStore.create();
        ActivitySink slow = batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.append(batch);
        };
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(slow)
                .queueCapacity(10)
                .batchSize(5)
                .overflow(OverflowPolicy.DROP)
                .linger(Duration.ofMillis(1))
                .build();
        for (int i = 0; i < 100; i++) {
            recorder.record(ActionType.READ, b -> b.actor("carol"));
        }
        release.countDown();
        RecorderStats stats = recorder.close(Duration.ofSeconds(10));
        assertThat(stats.dropped()).isPositive();
        assertThat(stats.enqueued() + stats.dropped()).isEqualTo(100);
        assertThat(stats.written()).isEqualTo(stats.enqueued());
        assertThat(store.size()).isEqualTo((int) stats.written());
    }

    @Test
    void aBlockedCallerHasOneDeadlineHoweverOftenItWakes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ActivitySink stuck = batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // A fake time source that moves 10 minutes per reading: a deadline computed once from it
        // passes after six wake-ups; one computed per wake-up, or taken from the real clock, never
        // within the test's patience.
        AtomicLong readings = new AtomicLong();
        ActivityRecorder.Builder builder = ActivityRecorder.builder()
                .sink(stuck)
                .queueCapacity(1)
                .batchSize(1)
                .blockTimeout(Duration.ofHours(1));
        builder.ticker =
                () -> readings.getAndIncrement() * Duration.ofMinutes(10).toNanos();
        ActivityRecorder recorder = builder.build();
        try {
            recorder.record(ActionType.READ, b -> b.actor("first")); // taken by the writer, stuck in the sink
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.stats().queueDepth() == 0);
            recorder.record(ActionType.READ, b -> b.actor("second")); // fills the queue
            assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> recorder.record(ActionType.READ, b -> b.actor("third")));
            assertThat(recorder.stats().dropped()).isEqualTo(1);
            assertThat(readings.get()).isEqualTo(7); // the deadline, then one reading per wake-up
        } finally {
            release.countDown();
            recorder.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void recorderStatsIsAClassUsersCannotConstruct() {
        assertThat(RecorderStats.class.getConstructors()).isEmpty();
        assertThat(RecorderStats.class.isRecord()).isFalse();
        RecorderStats stats = RecorderStats.builder()
                .counts(5, 3, 1, 1)
                .journal(2, 2, 0, 0, Duration.ZERO, 0)
                .build();
        assertThat(stats.lost()).isEqualTo(2);
        assertThat(stats.spilled()).isEqualTo(2);
        assertThat(stats.lastError()).isEmpty();
        assertThat(stats)
                .hasToString(stats.toString())
                .isEqualTo(RecorderStats.builder()
                        .counts(5, 3, 1, 1)
                        .journal(2, 2, 0, 0, Duration.ZERO, 0)
                        .build());
    }

    @Test
    void recordsAfterCloseAreCountedAsDropped() {
        ActivityRecorder recorder =
                ActivityRecorder.builder().store(InMemoryActivityStore.create()).build();
        recorder.close();
        recorder.record(ActionType.READ, b -> b.actor("late"));
        assertThat(recorder.stats().dropped()).isEqualTo(1);
    }

    @Test
    void flushMakesRecordsVisibleAndStatsShowTheQueue() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .linger(Duration.ofSeconds(5))
                .build()) {
            recorder.record(ActionType.LOGIN, b -> b.actor("alice"));
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.size()).isEqualTo(1);
            assertThat(recorder.stats().queueDepth()).isZero();
            assertThat(recorder.stats().oldestQueuedAge()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void inheritsRequestIdAndClientIpFromTheOpenContext() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(store).build();
                ActivityContext.Scope scope = ActivityContext.open("req-42", "trace-1", "198.51.100.4")) {
            scope.context().tenant("acme");
            recorder.record(ActionType.of("Approve"), b -> b.actor("alice").target("Invoice", "INV-1"));
            recorder.flush(Duration.ofSeconds(10));
            ActivityLog log = store.all().get(0);
            assertThat(log.requestId()).contains("req-42");
            assertThat(log.traceId()).contains("trace-1");
            assertThat(log.clientIp()).contains("198.51.100.4");
            assertThat(log.tenant()).contains("acme");
        }
        assertThat(ActivityContext.active()).isEmpty();
    }

    @Test
    void buildErrorsReachTheCallerButSinkErrorsDoNot() {
        ActivitySink broken = batch -> {
            throw new IllegalStateException("down");
        };
        String writer = "audit-writer-sink-errors";
        try (LogCapture logs = LogCapture.ofThisThreadAnd(writer);
                ActivityRecorder recorder = ActivityRecorder.builder()
                        .sink(broken)
                        .threadName(writer)
                        .retry(1, Duration.ofMillis(1), Duration.ofMillis(1))
                        .closeTimeout(Duration.ofSeconds(2))
                        .build()) {
            recorder.record(ActionType.READ, b -> b.actor("x"));
            assertThatThrownBy(() -> recorder.record(ActionType.READ, b -> b.data(java.util.Map.of("v", new Object()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not JSON-shaped");
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(recorder.stats().failed()).isEqualTo(1);
            assertThat(recorder.stats().failedBatches()).isEqualTo(1);
            assertThat(logs.messages(Level.ERROR))
                    .anyMatch(m -> m.contains("batch of 1 records lost after 1 attempts (no journal configured)"));
        }
    }

    @Test
    void aBuilderWithoutSinkIsAClearError() {
        assertThatThrownBy(() -> ActivityRecorder.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no sink");
        assertThatThrownBy(() -> ActivityRecorder.builder()
                        .store(InMemoryActivityStore.create())
                        .mode(RecorderMode.SYNC)
                        .journal(java.nio.file.Path.of("journal"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SYNC mode supports neither");
        assertThatThrownBy(() -> ActivityRecorder.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
    }

    @Test
    void syncModeWritesOnTheCallerAndSurfacesFailures() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(store).mode(RecorderMode.SYNC).build()) {
            recorder.record(ActionType.DELETE, b -> b.actor("dave").target("Post", 3));
            assertThat(store.size()).isEqualTo(1);
        }
        ActivitySink broken = batch -> {
            throw new IllegalStateException("down");
        };
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().sink(broken).mode(RecorderMode.SYNC).build()) {
            assertThatThrownBy(() -> recorder.record(ActionType.READ, b -> b.actor("x")))
                    .isInstanceOf(ActivityRecordingException.class)
                    .hasRootCauseMessage("down");
            assertThat(recorder.stats().failed()).isEqualTo(1);
        }
    }
}
