// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.auditsdk.spi.ActivitySink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ActivityRecorder#recordAll}: one hand-off, the guarantees of {@code record()} for each record. */
class RecordAllTest {
    @TempDir
    Path dir;

    /** Stores and remembers the size of every batch it was given. */
    private static final class Batches implements ActivitySink {
        final InMemoryActivityStore store = InMemoryActivityStore.create();
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public void append(List<ActivityLog> batch) {
            sizes.add(batch.size());
            store.append(batch);
        }
    }

    private static List<ActivityLog> logs(int n) {
        List<ActivityLog> logs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            logs.add(ActivityLog.builder(ActionType.UPDATE)
                    .actor("alice")
                    .remarks("line\nbreak " + i)
                    .data(Map.of("password", "hunter2"))
                    .build());
        }
        return logs;
    }

    @Test
    void asyncRecordsTravelInOneBatchSanitizedAndEnriched() {
        Batches sink = new Batches();
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                        .sink(sink)
                        .linger(Duration.ofSeconds(5))
                        .build();
                ActivityContext.Scope scope = ActivityContext.open("req-7", null, "198.51.100.9")) {
            recorder.recordAll(logs(500));
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(recorder.stats().enqueued()).isEqualTo(500);
            assertThat(recorder.stats().written()).isEqualTo(500);
        }
        assertThat(sink.sizes).containsExactly(500);
        ActivityLog stored = sink.store.all().get(0);
        assertThat(stored.requestId()).contains("req-7");
        assertThat(stored.remarks().orElseThrow()).doesNotContain("\n");
        assertThat(stored.data().get("password")).isNotEqualTo("hunter2");
    }

    @Test
    void theDropPolicyCountsWhatDidNotFit() {
        RecordingSinks.Hung hung = new RecordingSinks.Hung();
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(hung)
                .queueCapacity(10)
                .batchSize(1)
                .overflow(OverflowPolicy.DROP)
                .closeSinkOnClose(false)
                .build();
        try {
            recorder.record(ActionType.READ, b -> b.actor("first"));
            await().atMost(Duration.ofSeconds(30)).until(() -> hung.entered.getCount() == 0);
            recorder.recordAll(logs(100));
            assertThat(recorder.stats().enqueued()).isEqualTo(11);
            assertThat(recorder.stats().dropped()).isEqualTo(90);
        } finally {
            hung.release();
            recorder.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void blockingWaitsForOneDeadlineForTheWholeCall() throws Exception {
        RecordingSinks.Hung hung = new RecordingSinks.Hung();
        AtomicLong readings = new AtomicLong();
        ActivityRecorder.Builder builder = ActivityRecorder.builder()
                .sink(hung)
                .queueCapacity(1)
                .batchSize(1)
                .blockTimeout(Duration.ofHours(1))
                .closeSinkOnClose(false);
        builder.ticker =
                () -> readings.getAndIncrement() * Duration.ofMinutes(10).toNanos();
        ActivityRecorder recorder = builder.build();
        try {
            recorder.record(ActionType.READ, b -> b.actor("first"));
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.stats().queueDepth() == 0);
            recorder.record(ActionType.READ, b -> b.actor("second")); // fills the queue
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> recorder.recordAll(logs(5)));
            assertThat(recorder.stats().dropped()).isEqualTo(5);
            // The deadline, six wake-ups for the first record, then one look each for the other four.
            assertThat(readings.get()).isEqualTo(11);
        } finally {
            hung.release();
            recorder.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void syncWritesOneBatchAndThrowsWhenTheSinkFails() {
        Batches sink = new Batches();
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().sink(sink).mode(RecorderMode.SYNC).build()) {
            recorder.recordAll(logs(3));
            assertThat(sink.sizes).containsExactly(3);
            assertThat(recorder.stats().written()).isEqualTo(3);
        }
        ActivitySink broken = batch -> {
            throw new IllegalStateException("down");
        };
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().sink(broken).mode(RecorderMode.SYNC).build()) {
            assertThatThrownBy(() -> recorder.recordAll(logs(4)))
                    .isInstanceOf(ActivityRecordingException.class)
                    .hasMessageContaining("could not write 4 activities");
            assertThat(recorder.stats().failed()).isEqualTo(4);
            assertThat(recorder.stats().written()).isZero();
        }
    }

    @Test
    void durableJournalsAllOfThemBeforeReturning() {
        FlakySink sink = new FlakySink();
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(sink)
                .mode(RecorderMode.DURABLE)
                .journal(dir)
                .build()) {
            recorder.recordAll(logs(100));
            assertThat(recorder.stats().spilled()).isEqualTo(100);
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(recorder.stats().replayed()).isEqualTo(100);
        }
        assertThat(sink.store.size()).isEqualTo(100);
    }

    @Test
    void aNullElementIsRefusedAndNothingIsRecorded() {
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(InMemoryActivityStore.create()).build()) {
            List<ActivityLog> withNull = new ArrayList<>(logs(2));
            withNull.add(null);
            assertThatThrownBy(() -> recorder.recordAll(withNull)).isInstanceOf(NullPointerException.class);
            assertThat(recorder.stats().enqueued()).isZero();
            recorder.recordAll(Arrays.asList());
            assertThat(recorder.stats().enqueued()).isZero();
        }
    }
}
