// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityRecordingException;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JdbiOutbox} on real databases: the business table, the outbox and the trail in one
 * database, the business work in Jdbi transactions on connections of its own.
 */
class JdbiOutboxIT {
    @TempDir
    Path dir;

    private static long count(Jdbi jdbi, String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    private static long audited(Jdbi jdbi, String id) {
        return count(jdbi, "SELECT COUNT(*) FROM activity_log WHERE target_type = 'Order' AND target_id = ?", id);
    }

    private static ActivityRecorder recorder(TestDb db) {
        return ActivityRecorder.builder()
                .store(db.store())
                .closeSinkOnClose(false)
                .linger(Duration.ofMillis(5))
                .build();
    }

    private static VerificationReport verify(TestDb db) throws Exception {
        List<ActivityLog> rows = new ArrayList<>();
        JdbiTrail.of(new SwitchableDataSource(db.url(), db.user(), db.password()), "activity_log")
                .forEach(rows::add);
        return ActivityVerifier.builder().build().verify(rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb", "h2"})
    void committedWorkHasItsRecordAndRolledBackWorkNone(String database) throws Exception {
        try (TestDb db = TestDb.open(database, dir);
                ActivityRecorder recorder = recorder(db);
                JdbiOutbox outbox = JdbiOutbox.builder(db.store(), recorder).build()) {
            Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
            jdbi.useHandle(h -> h.execute("CREATE TABLE orders (id VARCHAR(20) PRIMARY KEY)"));

            outbox.useTransaction(jdbi, h -> {
                h.execute("INSERT INTO orders (id) VALUES (?)", "committed");
                outbox.record(h, ActionType.CREATE, b -> b.actor("alice").target("Order", "committed"));
                assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log_outbox"))
                        .as("nothing in the outbox before the commit")
                        .isZero();
            });
            // Committed: the row waits in the outbox, not yet in the trail, until the relay runs.
            assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log_outbox")).isEqualTo(1);
            assertThat(audited(jdbi, "committed")).isZero();
            JdbiOutbox.Lag lag = outbox.lag();
            assertThat(lag.rows()).isEqualTo(1);
            assertThat(lag.oldest()).isGreaterThanOrEqualTo(Duration.ZERO);

            assertThatThrownBy(() -> outbox.useTransaction(jdbi, h -> {
                        h.execute("INSERT INTO orders (id) VALUES (?)", "rolled-back");
                        outbox.record(
                                h, ActionType.CREATE, b -> b.actor("alice").target("Order", "rolled-back"));
                        throw new IllegalStateException("payment declined");
                    }))
                    .hasMessage("payment declined");

            // An audit insert that fails inside the transaction rolls the business change back: the
            // same record twice breaks the outbox's primary key.
            ActivityLog twice = ActivityLog.builder(ActionType.CREATE)
                    .actor("alice")
                    .target("Order", "audit-failed")
                    .build();
            assertThatThrownBy(() -> outbox.useTransaction(jdbi, h -> {
                        h.execute("INSERT INTO orders (id) VALUES (?)", "audit-failed");
                        outbox.record(h, twice);
                        outbox.record(h, twice);
                    }))
                    .isInstanceOf(ActivityRecordingException.class)
                    .hasMessageContaining("outbox")
                    .hasMessageContaining("SQLSTATE")
                    .hasMessageNotContaining("alice");

            try (Handle h = jdbi.open()) {
                outbox.record(h, ActionType.READ, b -> b.actor("alice").target("Order", "no-transaction"));
            }
            // A transaction that commits without beforeCommit: recorded after the commit, not lost.
            jdbi.useTransaction(h -> outbox.record(h, ActionType.UPDATE, b -> b.target("Order", "plain-commit")));

            assertThat(outbox.relayOnce()).isEqualTo(1);
            assertThat(outbox.relayOnce()).isZero();
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log_outbox")).isZero();
            assertThat(outbox.lag()).isEqualTo(new JdbiOutbox.Lag(0, Duration.ZERO));
            assertThat(audited(jdbi, "committed")).isEqualTo(1);
            assertThat(audited(jdbi, "rolled-back")).isZero();
            assertThat(audited(jdbi, "audit-failed")).isZero();
            assertThat(audited(jdbi, "no-transaction")).isEqualTo(1);
            assertThat(audited(jdbi, "plain-commit")).isEqualTo(1);
            assertThat(count(jdbi, "SELECT COUNT(*) FROM orders")).isEqualTo(1);
            assertThat(recorder.stats().held()).isZero();
            assertThat(recorder.stats().discarded()).isEqualTo(3);
            assertThat(outbox.relayed()).isEqualTo(1);

            VerificationReport report = verify(db);
            assertThat(report.clean()).as(report.toJson()).isTrue();
            assertThat(report.rowsValid()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb", "h2"})
    void eightThreadsMixingCommitsAndRollbacksLeaveOneRowPerCommit(String database) throws Exception {
        try (TestDb db = TestDb.open(database, dir);
                ActivityRecorder recorder = recorder(db);
                JdbiOutbox outbox = JdbiOutbox.builder(db.store(), recorder)
                        .pollInterval(Duration.ofMillis(20))
                        .batchSize(50)
                        .build()) {
            Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
            jdbi.useHandle(h -> h.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY)"));
            outbox.startRelay();
            AtomicInteger commits = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String id = thread + "-" + i;
                        boolean rollback = ThreadLocalRandom.current().nextInt(3) == 0;
                        try {
                            outbox.useTransaction(jdbi, h -> {
                                h.execute("INSERT INTO orders (id) VALUES (?)", id);
                                outbox.record(
                                        h,
                                        ActionType.CREATE,
                                        b -> b.actor("t" + thread).target("Order", id));
                                outbox.record(
                                        h,
                                        ActionType.UPDATE,
                                        b -> b.actor("t" + thread).target("Order", id));
                                if (rollback) {
                                    throw new IllegalStateException("rolled back");
                                }
                            });
                            commits.incrementAndGet();
                        } catch (IllegalStateException e) {
                            assertThat(rollback).isTrue();
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            outbox.close();
            while (outbox.relayOnce() > 0) {
                // the rest, if the relay thread stopped with rows left
            }
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM orders")).isEqualTo(commits.get());
            assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log")).isEqualTo(2L * commits.get());
            assertThat(count(
                            jdbi,
                            "SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM activity_log a WHERE"
                                    + " a.target_type = 'Order' AND a.target_id = o.id) <> 2"))
                    .isZero();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log_outbox")).isZero();
            assertThat(commits.get()).isBetween(1, 479);
            VerificationReport report = verify(db);
            assertThat(report.clean()).as(report.toJson()).isTrue();
            assertThat(report.rowsValid()).isEqualTo(2L * commits.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void expiredLeasesAreTakenOverAndRecordsAlreadyInTheTrailAreNotWrittenTwice(String database) throws Exception {
        try (TestDb db = TestDb.open(database, dir);
                ActivityRecorder recorder = recorder(db);
                JdbiOutbox crashed = JdbiOutbox.builder(db.store(), recorder)
                        .owner("crashed")
                        .lease(Duration.ofMillis(300))
                        .build();
                JdbiOutbox next =
                        JdbiOutbox.builder(db.store(), recorder).owner("next").build()) {
            Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
            ActivityLog a =
                    ActivityLog.builder(ActionType.CREATE).target("Order", "a").build();
            ActivityLog b =
                    ActivityLog.builder(ActionType.CREATE).target("Order", "b").build();
            crashed.useTransaction(jdbi, h -> {
                crashed.record(h, a);
                crashed.record(h, b);
            });
            // "crashed" claimed both rows and wrote a to the trail, then died before deleting them.
            jdbi.useHandle(h -> h.execute(
                    "UPDATE activity_log_outbox SET lease_owner = 'crashed', lease_until = ?",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1)));
            recorder.record(a);
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(next.relayOnce()).as("leased to another relay").isZero();
            Thread.sleep(1500);
            assertThat(next.relayOnce()).isEqualTo(2);
            assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log_outbox")).isZero();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM activity_log")).isEqualTo(2);
            VerificationReport report = verify(db);
            assertThat(report.clean()).as(report.toJson()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aMissingOutboxTableIsReportedNamingItsScript(String database) {
        try (TestDb db = TestDb.open(database, dir);
                ActivityRecorder recorder = recorder(db)) {
            Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
            jdbi.useHandle(h -> h.execute("DROP TABLE activity_log_outbox"));
            String vendor = database.equals("postgres") ? "postgresql" : database;
            assertThatThrownBy(() -> JdbiOutbox.builder(db.store(), recorder).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("activity_log_outbox")
                    .hasMessageContaining("db/migration/auditsdk/" + vendor + "/V4__create_outbox.sql");
        }
    }
}
