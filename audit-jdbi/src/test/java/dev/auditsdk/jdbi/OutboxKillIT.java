// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child JVM committing business transactions with outbox records while its relay runs is killed
 * with {@code kill -9} (destroyForcibly) between commits and relay, right after its relay wrote a
 * batch to the trail and before it deleted the batch's outbox rows; a new relay on the same database
 * takes over the dead one's leases, and every committed record is in the trail exactly once, the
 * chain clean and the outbox empty.
 */
class OutboxKillIT {

    @Test
    void everyCommittedRecordIsDeliveredExactlyOnceAfterKillMinus9() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY, audit_id VARCHAR(40) NOT NULL)");
            }
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            OutboxRelayChild.class.getName(),
                            db.url(),
                            db.user(),
                            db.password())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // A test that fails before it kills its child must not leave the JVM running after the run.
            Thread reaper = new Thread(child::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(reaper);
            Set<UUID> acked = ConcurrentHashMap.newKeySet();
            CountDownLatch enough = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("COMMITTED ")) {
                            acked.add(UUID.fromString(line.substring(10).trim()));
                        } else if (line.startsWith("WRITTEN ") && acked.size() >= 2000) {
                            // Inside the pause after a relayed batch was written: rows in the trail
                            // and still in the outbox, under the child's lease.
                            enough.countDown();
                        }
                    }
                } catch (Exception e) {
                    // the child died: the stream ends
                }
            });
            reader.start();
            boolean reached = enough.await(180, TimeUnit.SECONDS);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Runtime.getRuntime().removeShutdownHook(reaper);
            reader.join(10_000);
            assertThat(reached).as("child committed 2,000 transactions").isTrue();
            long outboxAtKill = count(db, "SELECT COUNT(*) FROM activity_log_outbox");
            long leasedAtKill = count(db, "SELECT COUNT(*) FROM activity_log_outbox WHERE lease_owner = 'child'");
            long trailAtKill = count(db, "SELECT COUNT(*) FROM activity_log");
            long bothAtKill = count(
                    db,
                    "SELECT COUNT(*) FROM activity_log_outbox o WHERE EXISTS (SELECT 1 FROM activity_log a WHERE a.id"
                            + " = o.id)");

            long relayed = 0;
            try (JdbiActivityStore store = JdbiActivityStore.builder(db.url(), db.user(), db.password())
                            .build();
                    ActivityRecorder recorder = ActivityRecorder.builder()
                            .store(store)
                            .closeSinkOnClose(false)
                            .build();
                    JdbiOutbox outbox =
                            JdbiOutbox.builder(store, recorder).owner("next").build()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (outbox.lag().rows() > 0 && System.nanoTime() < deadline) {
                    if (outbox.relayOnce() == 0) {
                        Thread.sleep(200); // the dead child's leases have not expired yet
                    }
                }
                relayed = outbox.relayed();
                assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
                assertThat(recorder.stats().lost()).isZero();
            }

            Set<UUID> committed = new HashSet<>();
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT audit_id FROM orders")) {
                while (rs.next()) {
                    committed.add(UUID.fromString(rs.getString(1)));
                }
            }
            Map<UUID, Integer> stored = Figures.idCounts(db.url(), db.user(), db.password());
            assertThat(bothAtKill)
                    .as("rows in the trail and still in the outbox at the kill")
                    .isPositive();
            assertThat(committed).containsAll(acked);
            assertThat(stored.keySet()).isEqualTo(committed);
            assertThat(stored.values()).allMatch(n -> n == 1);
            assertThat(count(db, "SELECT COUNT(*) FROM activity_log_outbox")).isZero();
            Trails.Verdict v = Trails.verify(db.url(), db.user(), db.password(), null);
            assertThat(v.exitCode()).as(v.report().toString()).isZero();
            Figures.report(
                    "outbox-kill-9",
                    String.format(
                            "outbox child killed after %d acknowledged commits (%d committed): at the kill %d rows in"
                                    + " the trail, %d in the outbox (%d leased by the child, %d of them already in the"
                                    + " trail); the next relay delivered %d, %d duplicates, %d stored in all",
                            acked.size(),
                            committed.size(),
                            trailAtKill,
                            outboxAtKill,
                            leasedAtKill,
                            bothAtKill,
                            relayed,
                            stored.values().stream().filter(n -> n > 1).count(),
                            stored.size()));
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
