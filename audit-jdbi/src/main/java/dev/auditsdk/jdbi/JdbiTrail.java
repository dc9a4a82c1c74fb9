// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.ActivityVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads a stored trail in chain order, {@code (chain_id, chain_seq, id)}, streaming (the unique
 * {@code (chain_id, chain_seq)} index serves the order), for the {@link ActivityVerifier}.
 *
 * @since 0.1
 */
public final class JdbiTrail {
    private final DataSource dataSource;
    private final TableName table;

    private JdbiTrail(DataSource dataSource, TableName table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * The trail in {@code tableName} (default {@code activity_log}, optionally {@code schema.table}).
     *
     * @throws IllegalArgumentException for a table name that is not plain SQL identifiers
     */
    public static JdbiTrail of(DataSource dataSource, String tableName) {
        return new JdbiTrail(Objects.requireNonNull(dataSource, "dataSource"), TableName.of(tableName));
    }

    /**
     * How many rows the trail holds (for progress and ETA).
     *
     * @throws SQLException when the database cannot be read
     */
    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table.qualified())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Hands every row to {@code rows}, in chain order.
     *
     * @throws SQLException when the database cannot be read or a row cannot be decoded
     */
    public void forEach(Consumer<ActivityLog> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(c.getMetaData());
            // PostgreSQL streams with a fetch size only inside a transaction.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(5000);
                try (ResultSet rs = s.executeQuery("SELECT " + Rows.SELECT_LIST + " FROM " + table.qualified()
                        + " ORDER BY chain_id, chain_seq, id")) {
                    while (rs.next()) {
                        rows.accept(Rows.read(rs, dialect));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }
}
