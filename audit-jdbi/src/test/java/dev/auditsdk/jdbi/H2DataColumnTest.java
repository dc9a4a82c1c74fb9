// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * H2's V6 and V8: {@code data} and the outbox's {@code payload} are VARCHARs on a new table and on a
 * table made before them, and read back the same.
 */
class H2DataColumnTest {
    private final String url = "jdbc:h2:mem:d" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aNewTableStoresDataAsVarchar() throws SQLException {
        try (JdbiActivityStore store = JdbiActivityStore.builder(url, "sa", "").build()) {
            ActivityLog log = withLongData();
            store.append(List.of(log));
            assertThat(store.get(log.id())).contains(log);
        }
        assertThat(dataColumn()).isEqualTo("CHARACTER VARYING 1000000000 NO");
        shutdown();
    }

    @Test
    void aTableWithTheClobColumnIsConvertedKeepingItsRows() throws SQLException {
        ActivityLog old = withLongData();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            for (String sql : Schema.statements(Dialect.H2, TableName.of(TableName.DEFAULT))) {
                if (!sql.contains("SET DATA TYPE")) {
                    s.execute(sql);
                }
            }
        }
        assertThat(dataColumn()).startsWith("CHARACTER LARGE OBJECT");
        assertThat(column("ACTIVITY_LOG_OUTBOX", "PAYLOAD")).startsWith("CHARACTER LARGE OBJECT");
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(url, "sa", "").createSchema(false).build()) {
            store.append(List.of(old));
        }
        // The store applies V6 on start; a second start applies it again, which changes nothing.
        for (int start = 0; start < 2; start++) {
            try (JdbiActivityStore store =
                    JdbiActivityStore.builder(url, "sa", "").build()) {
                assertThat(store.get(old.id())).contains(old);
            }
            assertThat(dataColumn()).isEqualTo("CHARACTER VARYING 1000000000 NO");
            assertThat(column("ACTIVITY_LOG_OUTBOX", "PAYLOAD")).isEqualTo("CHARACTER VARYING 1000000000 NO");
        }
        assertThat(indexes()).contains("ACTIVITY_LOG_ACTOR_IDX", "ACTIVITY_LOG_TENANT_IDX", "ACTIVITY_LOG_CHAIN_IDX");
        shutdown();
    }

    @Test
    void theOutboxPayloadIsVarcharAndCarriesAWholeRecordThrough() throws SQLException {
        ActivityLog log = withLongData();
        try (JdbiActivityStore store = JdbiActivityStore.builder(url, "sa", "").build();
                ActivityRecorder recorder =
                        ActivityRecorder.builder().sink(store).build()) {
            JdbiOutbox outbox = JdbiOutbox.builder(store, recorder).build();
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.setAutoCommit(false);
                outbox.insert(c, List.of(log));
                c.commit();
            }
            assertThat(outbox.relayOnce()).isEqualTo(1);
            outbox.close();
            // The relay hands it to the recorder, which chains it: the same record with its integrity.
            assertThat(store.get(log.id()).orElseThrow().toBuilder()
                            .integrity(null)
                            .build())
                    .isEqualTo(log);
        }
        assertThat(column("ACTIVITY_LOG_OUTBOX", "PAYLOAD")).isEqualTo("CHARACTER VARYING 1000000000 NO");
        shutdown();
    }

    /** Longer than the 256 characters H2 keeps inside a row for a CLOB. */
    private static ActivityLog withLongData() {
        return ActivityLog.builder(ActionType.UPDATE)
                .actor("alice")
                .data(Map.of("before", "x".repeat(600), "after", "y\u00e9\u4e2d".repeat(200)))
                .build();
    }

    private String dataColumn() throws SQLException {
        return column("ACTIVITY_LOG", "DATA");
    }

    private String column(String table, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement("SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3);
            }
        }
    }

    private List<String> indexes() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ACTIVITY_LOG'")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private void shutdown() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
