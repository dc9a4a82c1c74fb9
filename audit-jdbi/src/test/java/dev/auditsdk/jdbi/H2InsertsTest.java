// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2 batches go through multi-row statements; a record already stored, or a row the table refuses,
 * anywhere in a batch leaves the batch's other records stored exactly once.
 */
class H2InsertsTest {
    // 16 + 16 + 4 + 1 rows: every statement size but 2 and 8, and a remainder of one.
    private static final int N = 2 * H2Inserts.MAX_ROWS + 5;

    private final String url = "jdbc:h2:mem:i" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private JdbiActivityStore store;

    @BeforeEach
    void open() throws SQLException {
        store = JdbiActivityStore.builder(url, "sa", "").build();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aBatchOfEveryStatementSizeIsStoredWhole() throws SQLException {
        List<ActivityLog> logs = Records.random(N, 7);
        store.append(logs);
        for (ActivityLog log : logs) {
            assertThat(store.get(log.id())).contains(log);
        }
        assertThat(count()).isEqualTo(N);
        // Statements of 16, 16, 4 and 1 rows; never the row-by-row insert.
        assertThat(executions("VALUES (")).isEqualTo(4);
        assertThat(executions("NOT EXISTS")).isZero();
    }

    @Test
    void recordsStoredBeforeInsideAnyStatementAreSkippedAndTheRestStored() throws SQLException {
        List<ActivityLog> logs = sorted(Records.random(N, 11));
        // In the first 16-row statement, in the second, and the single last row.
        List<ActivityLog> before = List.of(logs.get(3), logs.get(20), logs.get(N - 1));
        store.append(before);
        store.append(logs);
        assertThat(count()).isEqualTo(N);
        assertThat(store.poisonRows()).isZero();
        for (ActivityLog log : logs) {
            assertThat(store.get(log.id())).contains(log);
        }
        // The first statement met a stored id, so every row went through the idempotent insert once
        // (no bisection, which would run it again for the halves).
        assertThat(executions("NOT EXISTS")).isEqualTo(N);
    }

    @Test
    void aRowTheTableRefusesIsTheOnlyOneLeftOut() {
        List<ActivityLog> first = chained(Records.random(3, 1), "c", 1);
        store.append(first);
        List<ActivityLog> logs = sorted(Records.random(N, 13));
        ActivityLog fork = logs.get(17).toBuilder()
                .integrity(new ActivityLog.Integrity("c", 2, "0".repeat(64), "f".repeat(64)))
                .build();
        logs.set(17, fork);
        store.append(logs);
        assertThat(store.poisonRows()).isEqualTo(1);
        assertThat(store.get(fork.id())).isEmpty();
        assertThat(count()).isEqualTo(3 + N - 1);
    }

    /** How often H2 ran the store's inserts whose text contains this fragment. */
    private long executions(String fragment) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(EXECUTION_COUNT), 0)"
                        + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                        + " WHERE SQL_STATEMENT LIKE 'INSERT INTO%' AND SQL_STATEMENT LIKE ?")) {
            ps.setString(1, "%" + fragment + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count() {
        return store.count(ActivityQuery.builder().build(), 10_000).value();
    }

    /** In the writer's order (by id), so a position in the list is a position in a statement. */
    private static List<ActivityLog> sorted(List<ActivityLog> logs) {
        List<ActivityLog> out = new ArrayList<>(logs);
        out.sort((a, b) -> ActivityLog.compareIds(a.id(), b.id()));
        return out;
    }

    private static List<ActivityLog> chained(List<ActivityLog> logs, String chain, long firstSeq) {
        List<ActivityLog> out = new ArrayList<>();
        String prev = "0".repeat(64);
        for (int i = 0; i < logs.size(); i++) {
            String hash = String.format("%064x", i + 1);
            out.add(logs.get(i).toBuilder()
                    .integrity(new ActivityLog.Integrity(chain, firstSeq + i, prev, hash))
                    .build());
            prev = hash;
        }
        return out;
    }
}
