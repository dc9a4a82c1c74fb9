// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the nullable lookup columns are indexed only where they are not null (V7): every read
 * shape still uses its index, custom plan and generic plan alike; the store applying every script on
 * each start builds no full index only for V7 to drop it; a table made before V7 loses the old indexes.
 */
class PostgresPartialIndexIT {
    static final List<String> OLD = List.of(
            "activity_log_actor_idx",
            "activity_log_target_idx",
            "activity_log_request_idx",
            "activity_log_login_idx",
            "activity_log_tenant_idx");
    /** The leading column of each partial index. */
    static final Map<String, String> PARTIAL = Map.of(
            "activity_log_actor_nn_idx", "actor",
            "activity_log_target_nn_idx", "target_type",
            "activity_log_request_nn_idx", "request_id",
            "activity_log_login_nn_idx", "login_name",
            "activity_log_tenant_nn_idx", "tenant");

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    @Test
    void everyReadShapeUsesItsPartialIndexInCustomAndGenericPlans() {
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = JdbiActivityStore.builder(db.dataSource())
                        .createSchema(true)
                        .build()) {
            List<ActivityLog> rows = new ArrayList<>();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 5000; i++) {
                // Mostly the common HTTP record: login_name only on one row in 50 (the logins), tenant
                // on one in 20, actor null on one in 5, a target on every other row, a request id on 9 in 10.
                ActivityLog.Builder b = ActivityLog.builder(i % 50 == 0 ? ActionType.LOGIN : ActionType.UPDATE)
                        .occurredAt(start.plusSeconds(i))
                        .actor(i % 5 == 0 ? null : "user-" + i % 200)
                        .tenant(i % 20 == 1 ? "t" + i % 3 : null)
                        .requestId(i % 10 == 0 ? null : "req-" + i);
                if (i % 50 == 0) {
                    b.loginName("login-" + i % 7);
                }
                if (i % 2 == 0) {
                    b.target("Post", i % 500);
                }
                rows.add(b.build());
            }
            store.append(rows);
            db.execute("ANALYZE activity_log");

            String cursor = store.find(ActivityQuery.builder()
                            .actor("user-1")
                            .tenant("t1")
                            .limit(1)
                            .build())
                    .nextCursor()
                    .orElseThrow();
            Map<String, ActivityQuery> shapes = new TreeMap<>(Map.of(
                    "actor", ActivityQuery.builder().actor("user-7").build(),
                    "target",
                            ActivityQuery.builder()
                                    .targetType("Post")
                                    .targetId("42")
                                    .build(),
                    "request id", ActivityQuery.builder().requestId("req-77").build(),
                    "login name", ActivityQuery.builder().loginName("login-3").build(),
                    "tenant", ActivityQuery.builder().tenant("t2").build(),
                    "tenant's actor page",
                            ActivityQuery.builder()
                                    .actor("user-1")
                                    .tenant("t1")
                                    .limit(1)
                                    .cursor(cursor)
                                    .build()));
            Map<String, String> expected = Map.of(
                    "actor", "activity_log_actor_nn_idx",
                    "target", "activity_log_target_nn_idx",
                    "request id", "activity_log_request_nn_idx",
                    "login name", "activity_log_login_nn_idx",
                    "tenant", "activity_log_tenant_nn_idx",
                    "tenant's actor page", "activity_log_actor_nn_idx");
            Jdbi jdbi = Jdbi.create(db.dataSource());
            Queries queries = new Queries(jdbi, Dialect.POSTGRESQL, TableName.of(TableName.DEFAULT), 100);
            jdbi.useHandle(h -> shapes.forEach((name, q) -> {
                Queries.Select select = queries.select(q);
                assertThat(customPlan(h, select)).as(name + ", custom plan").contains(expected.get(name));
                assertThat(genericPlan(h, select)).as(name + ", generic plan").contains(expected.get(name));
            }));
        }
    }

    /** EXPLAIN of the page query, its values bound as the store binds them. */
    private static String customPlan(Handle h, Queries.Select select) {
        Query query = h.createQuery("EXPLAIN " + select.sql());
        select.binds().forEach(query::bind);
        return String.join("\n", query.mapTo(String.class).list());
    }

    /**
     * The plan a prepared statement keeps once PostgreSQL plans it for any values: the query is
     * PREPAREd with $n parameters and explained by EXECUTE under force_generic_plan. A generic plan is
     * made without the values, so EXECUTE passes NULLs (EXPLAIN itself takes no bound parameters).
     */
    private static String genericPlan(Handle h, Queries.Select select) {
        List<String> names = new ArrayList<>(select.binds().keySet());
        Matcher m = PARAMETER.matcher(select.sql());
        String prepared = m.replaceAll(r -> "\\$" + (names.indexOf(r.group(1)) + 1));
        h.execute("SET plan_cache_mode = force_generic_plan");
        h.execute("PREPARE audit_page AS " + prepared);
        try {
            String nulls = String.join(", ", Collections.nCopies(names.size(), "NULL"));
            return String.join(
                    "\n",
                    h.createQuery("EXPLAIN EXECUTE audit_page(" + nulls + ")")
                            .mapTo(String.class)
                            .list());
        } finally {
            h.execute("DEALLOCATE audit_page");
            h.execute("RESET plan_cache_mode");
        }
    }

    @Test
    void theStoreStartedTwiceLeavesThePartialIndexesOnly() {
        try (TestDatabase db = TestDatabases.postgres()) {
            for (int start = 0; start < 2; start++) {
                JdbiActivityStore.builder(db.dataSource())
                        .createSchema(true)
                        .build()
                        .close();
                assertIntendedIndexes(db.dataSource());
            }
        }
    }

    @Test
    void aTableMadeBeforeVersion7LosesTheFullIndexesAndKeepsItsRows() {
        try (TestDatabase db = TestDatabases.postgres()) {
            DataSource ds = db.dataSource();
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:" + Schema.LOCATION + "postgresql")
                    .table("audit_schema_history")
                    .target(MigrationVersion.fromVersion("5"))
                    .load()
                    .migrate();
            assertThat(indexes(ds).keySet()).containsAll(OLD);
            List<ActivityLog> rows = List.of(
                    ActivityLog.builder(ActionType.LOGIN)
                            .actor("alice")
                            .loginName("alice")
                            .build(),
                    ActivityLog.builder(ActionType.UPDATE)
                            .actor("bob")
                            .tenant("t1")
                            .build(),
                    ActivityLog.builder(ActionType.READ)
                            .target("Post", 7)
                            .requestId("r-1")
                            .build());
            try (JdbiActivityStore store =
                    JdbiActivityStore.builder(ds).createSchema(false).build()) {
                store.append(rows);
            }
            try (JdbiActivityStore store =
                    JdbiActivityStore.builder(ds).createSchema(true).build()) {
                assertIntendedIndexes(ds);
                assertThat(store.find(ActivityQuery.builder().loginName("alice").build())
                                .items())
                        .containsExactly(rows.get(0));
                assertThat(store.find(ActivityQuery.builder().tenant("t1").build())
                                .items())
                        .containsExactly(rows.get(1));
                assertThat(store.find(ActivityQuery.builder().requestId("r-1").build())
                                .items())
                        .containsExactly(rows.get(2));
                assertThat(store.find(ActivityQuery.builder()
                                        .targetType("Post")
                                        .targetId("7")
                                        .build())
                                .items())
                        .containsExactly(rows.get(2));
                assertThat(store.find(ActivityQuery.builder().actor("bob").build())
                                .items())
                        .containsExactly(rows.get(1));
            }
        }
    }

    /** Exactly the partial indexes beside the time index, primary key and unique chain index. */
    static void assertIntendedIndexes(DataSource ds) {
        Map<String, String> indexes = indexes(ds);
        assertThat(indexes.keySet())
                .containsExactlyInAnyOrder(
                        "activity_log_pkey",
                        "activity_log_time_idx",
                        "activity_log_chain_idx",
                        "activity_log_actor_nn_idx",
                        "activity_log_target_nn_idx",
                        "activity_log_request_nn_idx",
                        "activity_log_login_nn_idx",
                        "activity_log_tenant_nn_idx");
        PARTIAL.forEach((name, column) ->
                assertThat(indexes.get(name)).as(name).endsWith("WHERE (" + column + " IS NOT NULL)"));
    }

    /** The activity_log table's indexes in the connection's schema: name to definition (schema left out). */
    static Map<String, String> indexes(DataSource ds) {
        return Jdbi.create(ds).withHandle(h -> {
            Map<String, String> out = new TreeMap<>();
            h.createQuery("SELECT indexname, replace(indexdef, schemaname || '.', '') FROM pg_indexes"
                            + " WHERE schemaname = current_schema() AND tablename = 'activity_log'")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }
}
