// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityCount;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Source;
import dev.auditsdk.spi.ActivityCursor;
import dev.auditsdk.spi.TenantSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads and purges. The SQL text is built only from fixed fragments and the validated table name;
 * every value of a query is a bound parameter.
 */
final class Queries {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String table;
    private final int purgeBatchSize;

    Queries(Jdbi jdbi, Dialect dialect, TableName table, int purgeBatchSize) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.table = table.qualified();
        this.purgeBatchSize = purgeBatchSize;
    }

    ActivityPage find(ActivityQuery q) {
        Select select = select(q);
        List<ActivityLog> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(select.sql());
            select.binds().forEach(query::bind);
            return query.map((rs, ctx) -> Rows.read(rs, dialect)).list();
        });
        if (rows.size() <= q.limit()) {
            return ActivityPage.of(rows, null);
        }
        List<ActivityLog> page = rows.subList(0, q.limit());
        return ActivityPage.of(
                page, ActivityCursor.after(page.get(page.size() - 1)).encode());
    }

    /** A query's SQL, with named parameters, and their values. */
    record Select(String sql, Map<String, Argument> binds) {}

    /** The page query of {@link #find}: its limit plus one row, to tell whether a next page exists. */
    Select select(ActivityQuery q) {
        ActivityCursor cursor = q.cursor().map(ActivityCursor::decode).orElse(null);
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(Rows.SELECT_LIST)
                .append(" FROM ")
                .append(table);
        Map<String, Argument> binds = new LinkedHashMap<>();
        where(q, sql, binds);
        if (cursor != null) {
            sql.append(" AND ").append(dialect.keysetCondition());
            binds.put("cAt", time(cursor.occurredAt()));
            binds.put("cId", object(dialect.id(cursor.id())));
        }
        sql.append(" ORDER BY ")
                .append(dialect == Dialect.H2 ? h2SortedBy(q) : "")
                .append("occurred_at DESC, id DESC LIMIT :lim");
        binds.put("lim", object(q.limit() + 1));
        return new Select(sql.toString(), binds);
    }

    /**
     * The leading columns of the index that serves this filter, which the WHERE clause fixes to one
     * value, so naming them first in ORDER BY changes no order. H2 reads a page straight from the
     * index's end only when ORDER BY names them; otherwise it fetches and sorts every row of the
     * actor (or tenant): 23 ms instead of 0.4 ms for an actor's newest 50 at 1M rows (BENCHMARKS.md).
     */
    static String h2SortedBy(ActivityQuery q) {
        if (q.actor().isPresent()) {
            return "actor DESC, ";
        }
        if (q.targetType().isPresent() && q.targetId().isPresent()) {
            return "target_type DESC, target_id DESC, ";
        }
        if (q.loginName().isPresent()) {
            return "login_name DESC, ";
        }
        return q.tenant().isPresent() ? "tenant DESC, " : "";
    }

    /** Counts at most {@code bound + 1} matches, so the cost is bounded on a table of any size. */
    ActivityCount count(ActivityQuery q, long bound) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 AS one FROM ").append(table);
        Map<String, Argument> binds = new LinkedHashMap<>();
        where(q, sql, binds);
        sql.append(" LIMIT :lim) matched");
        binds.put("lim", object(bound + 1));
        long matched = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            binds.forEach(query::bind);
            return query.mapTo(Long.class).one();
        });
        return ActivityCount.upTo(matched, bound);
    }

    /** Streams the matches in chain order inside one transaction (PostgreSQL streams only in one). */
    void forEachInChainOrder(ActivityQuery q, Predicate<ActivityLog> rows) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(Rows.SELECT_LIST)
                .append(" FROM ")
                .append(table);
        Map<String, Argument> binds = new LinkedHashMap<>();
        where(q, sql, binds);
        // NULL chain ids sort first on every dialect this way, as in ActivityStore.CHAIN_ORDER
        sql.append(" ORDER BY CASE WHEN chain_id IS NULL THEN 0 ELSE 1 END, chain_id, chain_seq, id");
        jdbi.useTransaction(h -> {
            Query query = h.createQuery(sql.toString());
            binds.forEach(query::bind);
            query.setFetchSize(1000);
            query.map((rs, ctx) -> Rows.read(rs, dialect)).useIterator(it -> {
                while (it.hasNext() && rows.test(it.next())) {
                    // the test consumed the row
                }
            });
        });
    }

    /** Appends the WHERE clause of the query's filters (its cursor aside) and binds their values. */
    private void where(ActivityQuery q, StringBuilder sql, Map<String, Argument> binds) {
        sql.append(" WHERE 1 = 1");
        equal(sql, binds, "actor", q.actor());
        equal(sql, binds, "login_name", q.loginName());
        equal(sql, binds, "status", q.status().map(Enum::name));
        equal(sql, binds, "target_type", q.targetType());
        equal(sql, binds, "target_id", q.targetId());
        equal(sql, binds, "request_id", q.requestId());
        equal(sql, binds, "client_ip", q.clientIp());
        equal(sql, binds, "source", q.source().map(Source::wireName));
        equal(sql, binds, "tenant", q.tenant());
        if (!q.actions().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ActionType action : q.actions()) {
                String name = "a" + names.size();
                names.add(":" + name);
                binds.put(name, string(action.name()));
            }
            sql.append(" AND action IN (").append(String.join(", ", names)).append(')');
        }
        if (q.from().isPresent()) {
            sql.append(" AND occurred_at >= :from");
            binds.put("from", time(q.from().get()));
        }
        if (q.to().isPresent()) {
            sql.append(" AND occurred_at < :to");
            binds.put("to", time(q.to().get()));
        }
        if (q.text().isPresent()) {
            sql.append(" AND LOWER(remarks) LIKE :text ESCAPE '!'");
            binds.put("text", string("%" + escapeLike(q.text().get().toLowerCase(Locale.ROOT)) + "%"));
        }
    }

    Optional<ActivityLog> get(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.SELECT_LIST + " FROM " + table + " WHERE id = :id")
                .bind("id", object(dialect.id(id)))
                .map((rs, ctx) -> Rows.read(rs, dialect))
                .findOne());
    }

    /** Deletes in statements of at most {@code purgeBatchSize} rows, each its own short transaction. */
    long purgeBefore(Instant cutoff) {
        return purge(cutoff, "", Map.of());
    }

    /** As above, only the selected tenants' records; the tenants are bound, never written into the SQL. */
    long purgeBefore(Instant cutoff, TenantSelection tenants) {
        Map<String, Argument> binds = new LinkedHashMap<>();
        String condition;
        if (tenants.tenant().isPresent()) {
            condition = " AND tenant = :pt";
            binds.put("pt", string(tenants.tenant().get()));
        } else if (tenants.except().isEmpty()) {
            condition = "";
        } else {
            StringBuilder in = new StringBuilder(" AND (tenant IS NULL OR tenant NOT IN (");
            int i = 0;
            for (String t : tenants.except()) {
                in.append(i == 0 ? ":px" : ", :px").append(i);
                binds.put("px" + i, string(t));
                i++;
            }
            condition = in.append("))").toString();
        }
        return purge(cutoff, condition, binds);
    }

    private long purge(Instant cutoff, String condition, Map<String, Argument> binds) {
        String sql = dialect.purge(table, condition);
        long total = 0;
        int deleted;
        do {
            deleted = jdbi.withHandle(h -> {
                var update = h.createUpdate(sql).bind("cutoff", time(cutoff)).bind("n", object(purgeBatchSize));
                binds.forEach(update::bind);
                return update.execute();
            });
            total += deleted;
        } while (deleted >= purgeBatchSize);
        return total;
    }

    private void equal(StringBuilder sql, Map<String, Argument> binds, String column, Optional<String> value) {
        if (value.isPresent()) {
            sql.append(" AND ").append(column).append(" = :").append(column);
            binds.put(column, string(value.get()));
        }
    }

    /** LIKE wildcards in the user's text match themselves; '!' is the escape (a backslash is not portable). */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A text value, with NUL escaped where the database stores it escaped (see {@link Rows}). */
    private Argument string(String value) {
        String v = dialect.rejectsNul() ? Rows.escapeNul(value) : value;
        return (pos, stmt, ctx) -> stmt.setString(pos, v);
    }

    /**
     * A time bound (filter, cursor, purge cutoff) clamped into {@link ActivityQuery#MIN_TIME}..{@link
     * ActivityQuery#MAX_TIME}, which every dialect stores: a cursor or cutoff from far outside then
     * means "after (or before) everything" instead of a database error. Record times are never clamped.
     */
    private Argument time(Instant at) {
        Instant clamped = at.isBefore(ActivityQuery.MIN_TIME)
                ? ActivityQuery.MIN_TIME
                : at.isAfter(ActivityQuery.MAX_TIME) ? ActivityQuery.MAX_TIME : at;
        return object(dialect.time(clamped));
    }

    /** Which of {@code ids} are in the table. */
    java.util.Set<UUID> presentIds(java.util.Collection<UUID> ids) throws java.sql.SQLException {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> {
            try (java.sql.PreparedStatement ps = h.getConnection()
                    .prepareStatement("SELECT id FROM " + table + " WHERE id IN ("
                            + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
                int i = 1;
                for (UUID id : ids) {
                    ps.setObject(i++, dialect.id(id));
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(dialect.readId(rs, "id"));
                    }
                }
            }
        });
        return out;
    }

    private static Argument object(Object value) {
        return (pos, stmt, ctx) -> stmt.setObject(pos, value);
    }
}
