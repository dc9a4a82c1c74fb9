// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.spi.ActivityJson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The reference: plain JDBC {@code addBatch/executeBatch} of the same rows into an identical table,
 * every column the store writes (the store's own DDL: 28 columns, the hash chain's four included,
 * chained before the clock starts), values converted (JSON included) before the clock starts, one
 * transaction per batch. This is the ceiling the recorder is measured against.
 */
final class RawJdbcInserter {
    private static final String COLUMNS = "id, occurred_at, actor, actor_name, tenant, login_name, instance, action,"
            + " status, remarks, target_type, target_id, client_ip, user_agent, request_id, trace_id, http_method,"
            + " http_path, http_route, http_status, duration_ms, data, source, schema_version, chain_id, chain_seq,"
            + " prev_hash, hash";
    private static final int COLUMN_COUNT = 28;
    private static final int DATA = 21;
    // The SQL type of each nullable non-text column, for setNull.
    private static final int HTTP_STATUS = 19;
    private static final int DURATION = 20;
    private static final int CHAIN_SEQ = 25;

    private RawJdbcInserter() {}

    /**
     * Row values in column order, converted up front, in id order: the store sorts each batch by id
     * (its primary-key inserts then append to the index), so the reference gets the same advantage.
     */
    static Object[][] prepare(List<ActivityLog> unsorted) {
        // Chained in record order, as the recorder's writer does, then sorted like the store's batches.
        HashChain chain = HashChain.start();
        List<ActivityLog> logs = new java.util.ArrayList<>(unsorted.size());
        for (ActivityLog l : unsorted) {
            logs.add(chain.link(l));
        }
        logs.sort((x, y) -> ActivityLog.compareIds(x.id(), y.id()));
        Object[][] rows = new Object[logs.size()][];
        for (int i = 0; i < rows.length; i++) {
            ActivityLog l = logs.get(i);
            ActivityLog.Integrity in = l.integrity().orElseThrow();
            rows[i] = new Object[] {
                l.id(),
                OffsetDateTime.ofInstant(l.occurredAt(), ZoneOffset.UTC),
                s(l.actor()),
                s(l.actorName()),
                s(l.tenant()),
                s(l.loginName()),
                s(l.instance()),
                l.action().name(),
                l.status().name(),
                s(l.remarks()),
                l.target().map(t -> t.type()).orElse(null),
                l.target().map(t -> t.id()).orElse(null),
                s(l.clientIp()),
                s(l.userAgent()),
                s(l.requestId()),
                s(l.traceId()),
                s(l.httpMethod()),
                s(l.httpPath()),
                s(l.httpRoute()),
                l.httpStatus().orElse(null),
                l.durationMs().orElse(null),
                ActivityJson.dataToJson(l.data()),
                l.source().wireName(),
                l.schemaVersion(),
                in.chainId(),
                in.seq(),
                in.prevHash(),
                in.hash()
            };
        }
        return rows;
    }

    private static String s(Optional<String> v) {
        return v.orElse(null);
    }

    /** Inserts every row in batches of {@code batchSize}; returns the elapsed nanoseconds. */
    static long insert(Connection c, String table, boolean postgres, Object[][] rows, int batchSize)
            throws SQLException {
        return insert(c, table, postgres, rows, batchSize, "");
    }

    /**
     * PostgreSQL only, the idempotent COPY a writer could use instead of a rewritten batch insert: per
     * batch, {@code COPY} (text format) into a temporary table emptied at commit, then {@code INSERT …
     * SELECT … ON CONFLICT (id) DO NOTHING} into the table, one transaction per batch. Returns the
     * elapsed nanoseconds.
     */
    static long copy(Connection c, String table, Object[][] rows, int batchSize) throws SQLException, IOException {
        c.setAutoCommit(false);
        String staging = "copy_staging";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " (LIKE " + table
                    + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        }
        c.commit();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String copySql = "COPY " + staging + " (" + COLUMNS + ") FROM STDIN";
        String moveSql = "INSERT INTO " + table + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + staging
                + " ON CONFLICT (id) DO NOTHING";
        StringBuilder text = new StringBuilder(batchSize * 512);
        long start = System.nanoTime();
        try (Statement move = c.createStatement()) {
            for (int from = 0; from < rows.length; from += batchSize) {
                text.setLength(0);
                for (int i = from; i < Math.min(rows.length, from + batchSize); i++) {
                    Object[] row = rows[i];
                    for (int col = 0; col < row.length; col++) {
                        if (col > 0) {
                            text.append('\t');
                        }
                        appendCopyText(text, row[col]);
                    }
                    text.append('\n');
                }
                copy.copyIn(copySql, new java.io.StringReader(text.toString()));
                move.executeUpdate(moveSql);
                c.commit();
            }
        }
        return System.nanoTime() - start;
    }

    /** One value in COPY's text format: \N for null, backslash escapes for the separators. */
    private static void appendCopyText(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
            return;
        }
        String s = v.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    static long insert(Connection c, String table, boolean postgres, Object[][] rows, int batchSize, String suffix)
            throws SQLException {
        StringBuilder values = new StringBuilder();
        for (int col = 0; col < COLUMN_COUNT; col++) {
            values.append(col == 0 ? "" : ", ").append(col == DATA && postgres ? "CAST(? AS jsonb)" : "?");
        }
        String sql = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (" + values + ")" + suffix;
        c.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int inBatch = 0;
            for (Object[] row : rows) {
                for (int col = 0; col < row.length; col++) {
                    Object v = row[col];
                    if (v == null) {
                        ps.setNull(
                                col + 1,
                                col == HTTP_STATUS
                                        ? Types.INTEGER
                                        : col == DURATION || col == CHAIN_SEQ ? Types.BIGINT : Types.VARCHAR);
                    } else if (v instanceof String str) {
                        ps.setString(col + 1, str);
                    } else if (v instanceof Integer n) {
                        ps.setInt(col + 1, n);
                    } else if (v instanceof Long n) {
                        ps.setLong(col + 1, n);
                    } else {
                        ps.setObject(col + 1, v);
                    }
                }
                ps.addBatch();
                if (++inBatch == batchSize) {
                    ps.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                ps.executeBatch();
                c.commit();
            }
        }
        return System.nanoTime() - start;
    }
}
