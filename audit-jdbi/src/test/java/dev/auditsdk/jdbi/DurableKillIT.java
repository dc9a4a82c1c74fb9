// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM recording in DURABLE mode into PostgreSQL is killed with {@code kill -9}
 * (destroyForcibly) while its writer is busy; a new recorder on the same journal replays, and every
 * record the child acknowledged is stored exactly once.
 */
class DurableKillIT {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesKillMinus9ExactlyOnce() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Path journal = dir.resolve("journal");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            DurableChild.class.getName(),
                            journal.toString(),
                            db.url(),
                            db.user(),
                            db.password())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Set<UUID> acked = ConcurrentHashMap.newKeySet();
            CountDownLatch enough = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("ACK ")) {
                            acked.add(UUID.fromString(line.substring(4).trim()));
                            if (acked.size() >= 5000) {
                                enough.countDown();
                            }
                        }
                    }
                } catch (Exception e) {
                    // the child died: the stream ends
                }
            });
            reader.start();
            boolean reached = enough.await(120, TimeUnit.SECONDS);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(reached).as("child acknowledged 5,000 records").isTrue();
            int storedBefore =
                    Figures.idCounts(db.url(), db.user(), db.password()).size();

            RecorderStats stats;
            try (JdbiActivityStore store = JdbiActivityStore.builder(db.url(), db.user(), db.password())
                            .build();
                    ActivityRecorder recorder = ActivityRecorder.builder()
                            .store(store)
                            .journal(journal)
                            .build()) {
                assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
                stats = recorder.stats();
            }
            Map<UUID, Integer> stored = Figures.idCounts(db.url(), db.user(), db.password());
            assertThat(stored.keySet()).containsAll(acked);
            assertThat(stored.values()).allMatch(c -> c == 1);
            assertThat(stats.journalBytes()).isZero();
            Trails.Verdict v = Trails.verify(db.url(), db.user(), db.password(), null);
            assertThat(v.exitCode()).as(v.report().toString()).isZero();
            Figures.report(
                    "kill-9",
                    String.format(
                            "DURABLE child killed after %d acknowledged records: %d stored at"
                                    + " the kill, %d replayed from the journal, %d acknowledged missing, %d duplicates, %d stored in all",
                            acked.size(),
                            storedBefore,
                            stats.replayed(),
                            acked.stream().filter(id -> !stored.containsKey(id)).count(),
                            stored.values().stream().filter(c -> c > 1).count(),
                            stored.size()));
        }
    }
}
