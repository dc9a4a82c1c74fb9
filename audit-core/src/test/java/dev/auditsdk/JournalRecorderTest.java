// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.testlog.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class JournalRecorderTest {
    @TempDir
    Path dir;

    private ActivityRecorder.Builder recorder(FlakySink sink) {
        return ActivityRecorder.builder()
                .sink(sink)
                .journal(dir)
                .batchSize(100)
                .linger(Duration.ofMillis(5))
                .retry(2, Duration.ofMillis(5), Duration.ofMillis(50))
                .closeSinkOnClose(false);
    }

    private static Set<UUID> record(ActivityRecorder r, int n, String remarks) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
                    .actor("u" + i)
                    .remarks(remarks + i)
                    .build();
            ids.add(log.id());
            r.record(log);
        }
        return ids;
    }

    private static Set<UUID> stored(FlakySink sink) {
        Set<UUID> ids = new HashSet<>();
        sink.store.all().forEach(l -> ids.add(l.id()));
        return ids;
    }

    static VerificationReport verify(List<ActivityLog> all) {
        List<ActivityLog> rows = new ArrayList<>(all);
        rows.sort(Comparator.comparing(
                        (ActivityLog l) -> l.integrity().orElseThrow().chainId())
                .thenComparingLong(l -> l.integrity().orElseThrow().seq()));
        return ActivityVerifier.builder().build().verify(rows);
    }

    @Test
    void outageSpillsToTheJournalAndReplaysWithoutLoss() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        Set<UUID> ids;
        RecorderStats stats;
        try (ActivityRecorder r = recorder(sink).build()) {
            ids = record(r, 3000, "r");
            assertThat(r.flush(Duration.ofMillis(300))).isFalse();
            sink.down = false;
            ids.addAll(record(r, 500, "s"));
            assertThat(r.flush(Duration.ofSeconds(30))).isTrue();
            stats = r.stats();
        }
        assertThat(stored(sink)).isEqualTo(ids);
        assertThat(stats.lost()).isZero();
        assertThat(stats.spilled()).isPositive();
        assertThat(stats.replayed()).isEqualTo(stats.spilled());
        assertThat(stats.written() + stats.replayed()).isEqualTo(3500);
        assertThat(stats.journalBytes()).isZero();
        assertThat(verify(sink.store.all()).clean()).isTrue();
    }

    @Test
    void onceTheJournalDrainedNewRecordsTakeTheDirectPath() {
        FlakySink flaky = new FlakySink();
        Semaphore permits = new Semaphore(0);
        AtomicBoolean gated = new AtomicBoolean();
        List<ActivityLog> arrived = new CopyOnWriteArrayList<>();
        ActivitySink sink = batch -> {
            if (gated.get()) {
                permits.acquireUninterruptibly();
            }
            flaky.append(batch);
            arrived.addAll(batch);
        };
        flaky.down = true;
        ActivityRecorder r = ActivityRecorder.builder()
                .sink(sink)
                .journal(dir)
                .batchSize(100)
                .linger(Duration.ofMillis(5))
                .retry(2, Duration.ofMillis(5), Duration.ofMillis(50))
                .build();
        Set<UUID> ids;
        RecorderStats stats;
        try {
            ids = record(r, 1000, "outage");
            await().atMost(Duration.ofSeconds(30)).until(() -> r.stats().spilled() == 1000);
            // The sink is back but takes one batch at a time: the journal is still being replayed
            // when new records arrive.
            gated.set(true);
            flaky.down = false;
            permits.release();
            await().atMost(Duration.ofSeconds(30)).until(() -> r.stats().replayed() == 100);
            ids.addAll(record(r, 500, "after"));
            gated.set(false);
            permits.release(1000);
            assertThat(r.flush(Duration.ofSeconds(30))).isTrue();
            stats = r.stats();
        } finally {
            gated.set(false);
            permits.release(1000);
            r.close(Duration.ofSeconds(10));
        }
        assertThat(stats.spilled()).as("nothing spilled once the sink was back").isEqualTo(1000);
        assertThat(stats.replayed()).isEqualTo(1000);
        assertThat(stats.written())
                .as("the new records went straight to the sink")
                .isEqualTo(500);
        assertThat(stats.lost()).isZero();
        assertThat(stored(flaky)).isEqualTo(ids);
        assertThat(verify(flaky.store.all()).clean()).isTrue();
        assertThat(inChainOrder(arrived))
                .as("the sink saw every chain in order")
                .isTrue();
    }

    private static boolean inChainOrder(List<ActivityLog> arrived) {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        for (ActivityLog log : arrived) {
            ActivityLog.Integrity i = log.integrity().orElseThrow();
            if (last.getOrDefault(i.chainId(), 0L) >= i.seq()) {
                return false;
            }
            last.put(i.chainId(), i.seq());
        }
        return true;
    }

    @Test
    void anOutageWithAJournalIsReportedAsSpilledNotAsLost() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        String writer = "audit-writer-spilled-not-lost";
        List<String> errors;
        List<String> warnings;
        RecorderStats during;
        try (LogCapture logs = LogCapture.ofThisThreadAnd(writer);
                ActivityRecorder r = recorder(sink).threadName(writer).build()) {
            record(r, 100, "x");
            await().atMost(Duration.ofSeconds(30)).until(() -> r.stats().spilled() == 100);
            during = r.stats();
            errors = logs.messages(Level.ERROR);
            warnings = logs.messages(Level.WARN);
            sink.down = false;
            assertThat(r.flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(during.failedBatches()).isZero();
        assertThat(during.failed()).isZero();
        assertThat(errors).isEmpty();
        assertThat(warnings).anyMatch(m -> m.contains("100 records spilled to the journal after 2 attempts"));
        assertThat(sink.store.size()).isEqualTo(100);
    }

    @Test
    void poisonRecordIsSetAsideAndTheRestIsWritten() throws Exception {
        FlakySink sink = new FlakySink();
        Set<UUID> ids;
        RecorderStats stats;
        try (ActivityRecorder r = recorder(sink).build()) {
            ids = record(r, 250, "ok");
            r.record(ActionType.CREATE, b -> b.remarks("poison"));
            ids.addAll(record(r, 250, "ok2"));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            stats = r.stats();
        }
        assertThat(stored(sink)).isEqualTo(ids);
        assertThat(stats.quarantined()).isEqualTo(1);
        assertThat(stats.failed()).isZero();
        assertThat(Files.readString(dir.resolve("quarantine.jsonl"))).contains("poison");
    }

    @Test
    void poisonWithoutJournalCountsAsFailedAndDoesNotStall() {
        FlakySink sink = new FlakySink();
        try (ActivityRecorder r = ActivityRecorder.builder()
                .sink(sink)
                .batchSize(100)
                .retry(3, Duration.ofMillis(5), Duration.ofMillis(20))
                .build()) {
            record(r, 100, "ok");
            r.record(ActionType.CREATE, b -> b.remarks("poison"));
            record(r, 100, "ok2");
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(r.stats().failed()).isEqualTo(1);
        }
        assertThat(sink.store.size()).isEqualTo(200);
    }

    @Test
    void closeDeadlineSavesTheRestInTheJournalForTheNextStart() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        Set<UUID> ids;
        ActivityRecorder r = recorder(sink)
                .retry(1000, Duration.ofMillis(50), Duration.ofMillis(50))
                .build();
        ids = record(r, 1000, "c");
        RecorderStats closed = r.close(Duration.ofMillis(200));
        assertThat(closed.lost()).isZero();
        assertThat(closed.spilled()).isEqualTo(1000);
        assertThat(closed.journalBytes()).isPositive();

        sink.down = false;
        try (ActivityRecorder again = recorder(sink).build()) {
            assertThat(again.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(again.stats().replayed()).isEqualTo(1000);
        }
        assertThat(stored(sink)).isEqualTo(ids);
        assertThat(verify(sink.store.all()).clean()).isTrue();
    }

    @Test
    void closeWithAHungSinkReturnsByItsDeadlineAndJournalsWhatIsLeft() throws Exception {
        RecordingSinks.Hung hung = new RecordingSinks.Hung();
        ActivityRecorder.Builder builder = ActivityRecorder.builder()
                .sink(hung)
                .journal(dir)
                .batchSize(100)
                .linger(Duration.ofMillis(5))
                .closeSinkOnClose(false);
        // Fake time, 10 minutes per reading: close(1 h) must be bounded by it, not by a real wait.
        AtomicLong readings = new AtomicLong();
        builder.ticker =
                () -> readings.getAndIncrement() * Duration.ofMinutes(10).toNanos();
        ActivityRecorder r = builder.build();
        Set<UUID> ids = record(r, 250, "h");
        assertThat(hung.entered.await(30, TimeUnit.SECONDS)).isTrue();
        RecorderStats closed;
        try {
            closed = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> r.close(Duration.ofHours(1)));
        } finally {
            hung.release();
        }
        assertThat(closed.lost()).isZero();
        assertThat(closed.spilled()).as("the stuck batch and the queue").isEqualTo(250);

        FlakySink healthy = new FlakySink();
        try (ActivityRecorder again = recorder(healthy).build()) {
            assertThat(again.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(again.stats().replayed()).isEqualTo(250);
        }
        assertThat(stored(healthy)).isEqualTo(ids);
    }

    @Test
    void durableRecordsSurviveTheRecorderAndReplayOnStart() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        Set<UUID> ids;
        try (ActivityRecorder r = recorder(sink)
                .mode(RecorderMode.DURABLE)
                .closeTimeout(Duration.ofMillis(50))
                .build()) {
            ids = record(r, 200, "d");
            assertThat(r.stats().spilled()).isEqualTo(200);
        }
        assertThat(sink.store.size()).isZero();
        sink.down = false;
        try (ActivityRecorder r = recorder(sink).mode(RecorderMode.DURABLE).build()) {
            ids.addAll(record(r, 50, "e"));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(r.stats().replayed()).isEqualTo(250);
        }
        assertThat(stored(sink)).isEqualTo(ids);
    }

    @Test
    void spillPolicyNeverDropsWhenTheQueueIsFull() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        Set<UUID> ids;
        RecorderStats stats;
        try (ActivityRecorder r = recorder(sink)
                .queueCapacity(16)
                .overflow(OverflowPolicy.SPILL)
                .retry(1000, Duration.ofMillis(20), Duration.ofMillis(20))
                .build()) {
            ids = record(r, 2000, "q");
            sink.down = false;
            assertThat(r.flush(Duration.ofSeconds(30))).isTrue();
            stats = r.stats();
        }
        assertThat(stats.dropped()).isZero();
        assertThat(stored(sink)).isEqualTo(ids);
        assertThat(verify(sink.store.all()).clean()).isTrue();
    }
}
