// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a connection lost in the middle of a batch puts no audit values into the application's
 * log or the recorder's stats. PostgreSQL's driver quotes the whole batched INSERT, every value
 * included, in the message of the exception it throws; the store passes on only SQLSTATE, driver
 * class, batch size and first id. Logs are captured from slf4j-simple, which writes to stderr.
 */
class NoAuditValuesInLogsIT {
    private static final String SECRET = "s3cr3t-audit-value";

    /** The store's own pool: neither the driver nor the pool may log values. */
    @Test
    void aConnectionOfTheStoresPoolKilledMidBatchIsLoggedWithoutValues() throws Exception {
        killedMidBatch(true);
    }

    /** The application's data source, with the driver's defaults: the store must not pass values on. */
    @Test
    void aConnectionOfAnApplicationDataSourceKilledMidBatchIsLoggedWithoutValues() throws Exception {
        killedMidBatch(false);
    }

    private static void killedMidBatch(boolean ownPool) throws Exception {
        String app = "audit-nolog-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<String> lastError = new AtomicReference<>();
        RecorderStats stats;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = store(db, db.url() + "&ApplicationName=" + app, ownPool);
                Connection blocker = DriverManager.getConnection(db.url(), db.user(), db.password());
                Connection admin = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            // The writer's INSERT will wait for this lock, so its connection can be killed mid-batch.
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE activity_log IN ACCESS EXCLUSIVE MODE");
            }
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ActivityRecorder recorder = ActivityRecorder.builder()
                    .store(store)
                    .closeSinkOnClose(false)
                    .batchSize(50)
                    .retry(1000, Duration.ofMillis(20), Duration.ofMillis(100))
                    .build()) {
                for (int i = 0; i < 50; i++) {
                    int n = i;
                    recorder.record(
                            ActionType.UPDATE,
                            b -> b.actor("alice-" + SECRET)
                                    .remarks(SECRET + " remarks " + n)
                                    .data(Map.of("note", SECRET)));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> terminateWaitingBackends(admin, app) > 0);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> recorder.stats().lastError().isPresent());
                lastError.set(recorder.stats().lastError().orElseThrow());
                blocker.rollback();
                assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
                stats = recorder.stats();
            }
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(stats.written()).isEqualTo(50);
        assertThat(stats.retried()).isPositive();
        assertThat(log)
                .contains("Audit sink failed")
                .contains("audit records (first id ")
                .contains("SQLSTATE ")
                .doesNotContain(SECRET)
                .doesNotContain("INSERT INTO");
        assertThat(lastError.get()).contains("SQLSTATE ").doesNotContain(SECRET).doesNotContain("INSERT INTO");
    }

    /**
     * A row the database rejects (too long for its column) is skipped and counted; the store's
     * logger names it by id and SQLSTATE only, its content goes to the undeliverable logger alone,
     * and nothing of the good rows of its batch appears anywhere.
     */
    @Test
    void aPoisonRowIsNamedByIdAndOnlyItsContentGoesToTheUndeliverableLogger() {
        List<ActivityLog> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(ActivityLog.builder(ActionType.UPDATE)
                    .remarks(SECRET + " " + i)
                    .data(Map.of("note", SECRET))
                    .build());
        }
        // Built without the recorder's sanitizer: too long for the column.
        ActivityLog poison = batch.get(7).toBuilder()
                .actor("x".repeat(300))
                .remarks("poison-content")
                .data(Map.of())
                .build();
        batch.set(7, poison);
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = store(db, db.url(), false)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                store.append(batch);
            } finally {
                System.setErr(originalErr);
            }
            assertThat(store.poisonRows()).isEqualTo(1);
        }
        List<String> events = events(captured.toString(StandardCharsets.UTF_8));
        assertThat(events).noneMatch(e -> e.contains(SECRET));
        assertThat(events)
                .filteredOn(e -> e.contains(" " + JdbiActivityStore.class.getName() + " - "))
                .singleElement(as(STRING))
                .contains(poison.id().toString(), "SQLSTATE 22001")
                .doesNotContain("poison-content", "xxxxxxxx");
        assertThat(events)
                .filteredOn(e -> e.contains(" dev.auditsdk.jdbi.undeliverable - "))
                .singleElement(as(STRING))
                .contains(poison.id().toString(), "poison-content");
    }

    /** slf4j-simple's output as events: a line starting with {@code [thread]} and its stack trace lines. */
    private static List<String> events(String log) {
        List<String> events = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("[") || events.isEmpty()) {
                events.add(line);
            } else {
                events.set(events.size() - 1, events.get(events.size() - 1) + "\n" + line);
            }
        }
        return events;
    }

    private static JdbiActivityStore store(TestDatabase db, String url, boolean ownPool) {
        JdbiActivityStore.Builder b = ownPool
                ? JdbiActivityStore.builder(url, db.user(), db.password()).maxPoolSize(1)
                : JdbiActivityStore.builder(new SwitchableDataSource(url, db.user(), db.password()));
        return b.createSchema(true).build();
    }

    /** Ends the store's backends that wait for a lock, as a failing network or server would. */
    private static int terminateWaitingBackends(Connection admin, String app) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = ? AND wait_event_type = 'Lock'")) {
            ps.setString(1, app);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }
}
