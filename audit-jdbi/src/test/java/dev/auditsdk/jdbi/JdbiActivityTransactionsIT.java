// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JdbiActivityTransactions} on real databases: the business table and the audit trail in the
 * same database, the business work in a Jdbi transaction on its own connection.
 */
class JdbiActivityTransactionsIT {
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

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb", "h2"})
    void commitRecordsRollbackAndAbandonedHandlesDiscard(String database) throws Exception {
        try (TestDb db = TestDb.open(database, dir);
                ActivityRecorder recorder = ActivityRecorder.builder()
                        .store(db.store())
                        .closeSinkOnClose(false)
                        .linger(Duration.ofMillis(5))
                        .build()) {
            Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
            jdbi.useHandle(h -> h.execute("CREATE TABLE orders (id VARCHAR(20) PRIMARY KEY)"));
            JdbiActivityTransactions audit = JdbiActivityTransactions.of(recorder);

            jdbi.useTransaction(h -> {
                h.execute("INSERT INTO orders (id) VALUES (?)", "committed");
                audit.record(h, ActionType.CREATE, b -> b.actor("alice").target("Order", "committed"));
                audit.record(
                        h,
                        ActivityLog.builder(ActionType.UPDATE)
                                .actor("alice")
                                .target("Order", "committed")
                                .build());
                assertThat(audit.unit(h).pending()).hasSize(2);
                assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(audited(jdbi, "committed")).as("before the commit").isZero();
            });

            assertThatThrownBy(() -> jdbi.useTransaction(h -> {
                        h.execute("INSERT INTO orders (id) VALUES (?)", "rolled-back");
                        audit.record(h, ActionType.CREATE, b -> b.actor("alice").target("Order", "rolled-back"));
                        throw new IllegalStateException("payment declined");
                    }))
                    .hasMessage("payment declined");

            Handle abandoned = jdbi.open();
            abandoned.begin();
            abandoned.execute("INSERT INTO orders (id) VALUES (?)", "abandoned");
            audit.record(abandoned, ActionType.CREATE, b -> b.actor("alice").target("Order", "abandoned"));
            assertThatThrownBy(abandoned::close).hasMessageContaining("transaction");

            try (Handle reused = jdbi.open()) {
                // One handle, two transactions: each gets a unit of its own.
                reused.useTransaction(h -> audit.record(h, ActionType.CREATE, b -> b.target("Order", "reused-1")));
                reused.useTransaction(h -> {
                    audit.record(h, ActionType.CREATE, b -> b.target("Order", "reused-2"));
                    h.rollback();
                });
            }

            try (Handle h = jdbi.open()) {
                audit.record(h, ActionType.READ, b -> b.actor("alice").target("Order", "no-transaction"));
                assertThat(recorder.stats().held()).isZero();
                assertThatThrownBy(() -> audit.unit(h)).isInstanceOf(IllegalStateException.class);
            }

            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(audited(jdbi, "committed")).isEqualTo(2);
            assertThat(audited(jdbi, "rolled-back")).isZero();
            assertThat(audited(jdbi, "abandoned")).isZero();
            assertThat(audited(jdbi, "no-transaction")).isEqualTo(1);
            assertThat(audited(jdbi, "reused-1")).isEqualTo(1);
            assertThat(audited(jdbi, "reused-2")).isZero();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM orders")).isEqualTo(1);
            assertThat(recorder.stats().discarded()).isEqualTo(3);
            assertThat(recorder.stats().held()).isZero();
            assertThat(recorder.stats().lost()).isZero();

            List<ActivityLog> rows = new ArrayList<>();
            JdbiTrail.of(new SwitchableDataSource(db.url(), db.user(), db.password()), "activity_log")
                    .forEach(rows::add);
            VerificationReport report = ActivityVerifier.builder().build().verify(rows);
            assertThat(report.clean()).as(report.toJson()).isTrue();
            assertThat(rows).hasSize(4);
        }
    }
}
