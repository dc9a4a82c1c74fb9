// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A batch through PostgreSQL's {@code COPY}, as idempotent as the insert: the rows are copied (text
 * format) into a temporary staging table of the session, emptied at every commit, and moved with
 * {@code INSERT … SELECT … ON CONFLICT (id) DO NOTHING}, so the table's own constraints (the unique
 * chain position among them) judge every row as they do an insert. The only class that names pgjdbc
 * types: {@link BatchWriter} loads it only on PostgreSQL with the driver present.
 *
 * <p>The staging table is named after the target table (two stores on different tables can share a
 * pool and a connection) and created once per physical connection, so it outlives pool check-outs;
 * a connection reset by a pooler ({@code DISCARD ALL}) shows as SQLSTATE 42P01 and is forgotten here,
 * and the writer runs the batch again, which creates it anew.
 */
final class PgCopy {
    /** SQLSTATE undefined_table: the staging table is gone (or never was) on this connection. */
    static final String UNDEFINED_TABLE = "42P01";

    private final String create;
    private final String copy;
    private final String move;
    // Physical connections (weakly held, compared by identity) known to have the staging table.
    private final Map<PGConnection, Boolean> staged = Collections.synchronizedMap(new WeakHashMap<>());

    PgCopy(TableName table) {
        String staging = stagingName(table);
        String cols = String.join(", ", Rows.COLUMNS);
        // Own column types, not LIKE the table: a length limit or a CHECK the table adds is then
        // judged by the move, whose failure the writer bisects exactly like an insert's.
        this.create = "CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " (id uuid, occurred_at timestamptz,"
                + " actor text, actor_name text, tenant text, login_name text, instance text, action text,"
                + " status text, remarks text, target_type text, target_id text, client_ip text, user_agent text,"
                + " request_id text, trace_id text, http_method text, http_path text, http_route text,"
                + " http_status integer, duration_ms bigint, data jsonb, source text, schema_version smallint,"
                + " chain_id text, chain_seq bigint, prev_hash text, hash text) ON COMMIT DELETE ROWS";
        this.copy = "COPY " + staging + " (" + cols + ") FROM STDIN";
        this.move = "INSERT INTO " + table.qualified() + " (" + cols + ") SELECT " + cols + " FROM " + staging
                + " ON CONFLICT (id) DO NOTHING";
    }

    /** {@code audit_copy_} and 16 hex digits of the table's (case-folded) qualified name: unique per table, under 63 characters. */
    static String stagingName(TableName table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(table.qualified().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "audit_copy_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Copies and moves the encoded rows inside the caller's transaction.
     *
     * @return false, having done nothing, when the connection is not pgjdbc's (a wrapper that does not unwrap)
     */
    boolean write(Connection c, byte[] rows) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return false;
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        boolean creating = staged.put(pg, Boolean.TRUE) == null;
        try (Statement s = c.createStatement()) {
            if (creating) {
                s.execute(create);
            }
            CopyIn in = pg.getCopyAPI().copyIn(copy);
            try {
                in.writeToCopy(rows, 0, rows.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            s.executeUpdate(move);
            return true;
        } catch (SQLException e) {
            if (creating || UNDEFINED_TABLE.equals(e.getSQLState())) {
                // Its creation rolls back with this batch, or a pooler reset the session: create it next time.
                staged.remove(pg);
            }
            throw e;
        }
    }

    /** The statement that creates the staging table (for tests). */
    String createSql() {
        return create;
    }
}
