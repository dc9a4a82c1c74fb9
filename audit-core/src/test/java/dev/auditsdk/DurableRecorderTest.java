// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableRecorderTest {
    @TempDir
    Path dir;

    @Test
    void manyThreadsShareGroupCommitsAndEveryRecordArrivesOnceInOneValidChain() throws Exception {
        FlakySink sink = new FlakySink();
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        try (ActivityRecorder r = ActivityRecorder.builder()
                .sink(sink)
                .mode(RecorderMode.DURABLE)
                .journal(dir)
                .closeSinkOnClose(false)
                .build()) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 300; i++) {
                        ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                                .remarks("d" + i)
                                .build();
                        r.record(log);
                        ids.add(log.id());
                    }
                });
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(r.flush(Duration.ofSeconds(30))).isTrue();
            RecorderStats stats = r.stats();
            assertThat(stats.enqueued()).isEqualTo(4800);
            assertThat(stats.spilled()).isEqualTo(4800);
            assertThat(stats.replayed()).isEqualTo(4800);
        }
        assertThat(sink.deliveries.get()).isEqualTo(4800);
        assertThat(sink.store.size()).isEqualTo(4800);
        assertThat(JournalRecorderTest.verify(sink.store.all()).clean()).isTrue();
    }

    @Test
    void durableAndSpillNeedAJournal() {
        FlakySink sink = new FlakySink();
        assertThatThrownBy(() -> ActivityRecorder.builder()
                        .sink(sink)
                        .mode(RecorderMode.DURABLE)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("journal");
        assertThatThrownBy(() -> ActivityRecorder.builder()
                        .sink(sink)
                        .overflow(OverflowPolicy.SPILL)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("journal");
    }

    @Test
    void aFullJournalRefusesDurableRecordsLoudly() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        try (ActivityRecorder r = ActivityRecorder.builder()
                .sink(sink)
                .mode(RecorderMode.DURABLE)
                .journal(dir)
                .journalMaxBytes(4096)
                .blockTimeout(Duration.ofMillis(20))
                .closeTimeout(Duration.ofMillis(50))
                .build()) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            r.record(ActionType.CREATE, b -> b.remarks("fill"));
                        }
                    })
                    .isInstanceOf(ActivityRecordingException.class);
            assertThat(r.stats().dropped()).isEqualTo(1);
        }
    }
}
