// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import dev.auditsdk.spi.ActivityJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The mapping between a record and a table row, both ways; the column list is the table's. */
final class Rows {
    static final List<String> COLUMNS = List.of(
            "id",
            "occurred_at",
            "actor",
            "actor_name",
            "tenant",
            "login_name",
            "instance",
            "action",
            "status",
            "remarks",
            "target_type",
            "target_id",
            "client_ip",
            "user_agent",
            "request_id",
            "trace_id",
            "http_method",
            "http_path",
            "http_route",
            "http_status",
            "duration_ms",
            "data",
            "source",
            "schema_version",
            "chain_id",
            "chain_seq",
            "prev_hash",
            "hash");
    static final String SELECT_LIST = String.join(", ", COLUMNS);
    private static final int DATA = COLUMNS.indexOf("data");

    private Rows() {}

    static String placeholders(Dialect dialect) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(i == DATA ? dialect.jsonPlaceholder() : "?");
        }
        return sb.toString();
    }

    /** The JSON text of the data column; data is JSON-shaped by construction, so this cannot fail in practice. */
    static String json(ActivityLog log) {
        try {
            return ActivityJson.dataToJson(log.data());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data of record " + log.id() + " cannot be written as JSON", e);
        }
    }

    /**
     * Binds one row in {@link #COLUMNS} order (plus the id again for H2's existence check) and adds
     * it to the JDBC batch. Plain JDBC here, not Jdbi arguments: Jdbi resolves and describes every
     * bound value through its config registry, which cost about a third of the insert rate at 26
     * columns per row.
     */
    static void add(PreparedStatement ps, ActivityLog log, String json, Dialect d) throws SQLException {
        int i = bind(ps, 1, log, json, d);
        if (d == Dialect.H2) {
            ps.setObject(i, d.id(log.id()));
        }
        ps.addBatch();
    }

    /**
     * Binds one row's {@link #COLUMNS} from parameter {@code first} on (a multi-row statement binds
     * each row at its own offset) and returns the index of the next parameter.
     */
    static int bind(PreparedStatement ps, int first, ActivityLog log, String json, Dialect d) throws SQLException {
        Target target = log.target().orElse(null);
        ActivityLog.Integrity in = log.integrity().orElse(null);
        int i = first;
        ps.setObject(i++, d.id(log.id()));
        ps.setObject(i++, d.time(log.occurredAt()));
        text(ps, i++, log.actor().orElse(null), d);
        text(ps, i++, log.actorName().orElse(null), d);
        text(ps, i++, log.tenant().orElse(null), d);
        text(ps, i++, log.loginName().orElse(null), d);
        text(ps, i++, log.instance().orElse(null), d);
        text(ps, i++, log.action().name(), d);
        text(ps, i++, log.status().name(), d);
        text(ps, i++, log.remarks().orElse(null), d);
        text(ps, i++, target == null ? null : target.type(), d);
        text(ps, i++, target == null ? null : target.id(), d);
        text(ps, i++, log.clientIp().orElse(null), d);
        text(ps, i++, log.userAgent().orElse(null), d);
        text(ps, i++, log.requestId().orElse(null), d);
        text(ps, i++, log.traceId().orElse(null), d);
        text(ps, i++, log.httpMethod().orElse(null), d);
        text(ps, i++, log.httpPath().orElse(null), d);
        text(ps, i++, log.httpRoute().orElse(null), d);
        Integer status = log.httpStatus().orElse(null);
        if (status == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, status);
        }
        bigint(ps, i++, log.durationMs().orElse(null));
        text(ps, i++, json, d);
        text(ps, i++, log.source().wireName(), d);
        ps.setInt(i++, log.schemaVersion());
        text(ps, i++, in == null ? null : in.chainId(), d);
        bigint(ps, i++, in == null ? null : in.seq());
        text(ps, i++, in == null ? null : in.prevHash(), d);
        text(ps, i++, in == null ? null : in.hash(), d);
        return i;
    }

    private static void text(PreparedStatement ps, int i, @Nullable String value, Dialect d) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            // PostgreSQL refuses NUL in text; escape it the way the sanitizer does rather than lose the row.
            ps.setString(i, d.rejectsNul() ? escapeNul(value) : value);
        }
    }

    static String escapeNul(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace("\0", "\\u0000");
    }

    private static void bigint(PreparedStatement ps, int i, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    /** Reads the current row back into a record equal to the one written. */
    static ActivityLog read(ResultSet rs, Dialect d) throws SQLException {
        ActivityLog.Builder b = ActivityLog.builder(ActionType.of(rs.getString("action")))
                .id(d.readId(rs, "id"))
                .occurredAt(d.readTime(rs, "occurred_at"))
                .actor(rs.getString("actor"))
                .actorName(rs.getString("actor_name"))
                .tenant(rs.getString("tenant"))
                .loginName(rs.getString("login_name"))
                .instance(rs.getString("instance"))
                .status(Status.valueOf(rs.getString("status")))
                .remarks(rs.getString("remarks"))
                .clientIp(rs.getString("client_ip"))
                .userAgent(rs.getString("user_agent"))
                .requestId(rs.getString("request_id"))
                .traceId(rs.getString("trace_id"))
                .httpMethod(rs.getString("http_method"))
                .httpPath(rs.getString("http_path"))
                .httpRoute(rs.getString("http_route"))
                .httpStatus(nullable(rs, rs.getInt("http_status")))
                .durationMs(nullable(rs, rs.getLong("duration_ms")))
                .source(Source.fromWireName(rs.getString("source")))
                .schemaVersion(rs.getInt("schema_version"));
        String type = rs.getString("target_type");
        String id = rs.getString("target_id");
        if (type != null && id != null) {
            b.target(new Target(type, id));
        }
        String json = rs.getString("data");
        if (json != null) {
            try {
                b.data(ActivityJson.dataFromJson(json));
            } catch (IllegalArgumentException e) {
                throw new SQLException("the data column of record " + rs.getString("id") + " is not a JSON object", e);
            }
        }
        String hash = rs.getString("hash");
        if (hash != null) {
            long seq = rs.getLong("chain_seq");
            b.integrity(new ActivityLog.Integrity(rs.getString("chain_id"), seq, rs.getString("prev_hash"), hash));
        }
        return b.build();
    }

    private static <T> @Nullable T nullable(ResultSet rs, T value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
