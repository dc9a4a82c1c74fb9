// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batches through PostgreSQL's COPY: the same bytes as the insert path for every awkward value, the
 * same idempotence, the same exact isolation of bad rows, per-table staging on a shared pool, a lost
 * staging table, and the switch back to the insert path.
 */
class PostgresCopyIT {
    /** The smallest batch the store copies; smaller ones take the insert path. */
    private static final int N = BatchWriter.COPY_MIN_ROWS;

    private TestDatabase db;
    private HikariDataSource pool;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        // One connection: every store and every batch shares it, staging tables included.
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void close() {
        pool.close();
        db.close();
    }

    private JdbiActivityStore store(String table, boolean copy) {
        return JdbiActivityStore.builder(pool)
                .tableName(table)
                .createSchema(true)
                .copyBatches(copy)
                .build();
    }

    @Test
    void awkwardValuesStoreTheSameBytesAsTheInsertPath() throws SQLException {
        JdbiActivityStore copied = store("copied", true);
        JdbiActivityStore inserted = store("inserted", false);
        assertThat(copied.copies()).isTrue();
        assertThat(inserted.copies()).isFalse();
        List<ActivityLog> logs = awkward();
        logs.addAll(plain(N));
        copied.append(logs);
        inserted.append(logs);
        // A year COPY's ISO text cannot carry as PostgreSQL reads it: that batch takes the insert path.
        List<ActivityLog> far = List.of(
                ActivityLog.builder(ActionType.READ)
                        .occurredAt(Instant.parse("+12026-01-01T00:00:00.5Z"))
                        .build(),
                ActivityLog.builder(ActionType.READ).build());
        far = new ArrayList<>(far);
        far.addAll(plain(N));
        copied.append(far);
        inserted.append(far);
        logs = new ArrayList<>(logs);
        logs.addAll(far);

        assertThat(copied.copiedBatches()).isEqualTo(1);
        assertThat(copied.poisonRows()).isZero();
        assertThat(stagingTables("copied")).isEqualTo(1);
        assertThat(stagingTables("inserted")).isZero();
        Map<UUID, List<String>> viaCopy = rowsAsText("copied");
        assertThat(viaCopy).hasSize(logs.size()).isEqualTo(rowsAsText("inserted"));
        for (ActivityLog log : logs) {
            if (!hasNul(log)) {
                assertThat(copied.get(log.id())).contains(log);
            }
        }
        // The one with NUL characters reads back with them escaped, exactly as the insert path stores it.
        ActivityLog nul = logs.get(1);
        assertThat(copied.get(nul.id()).orElseThrow().remarks()).contains("a\\u0000b");
    }

    @Test
    void aPoisonedRowIsSkippedAndTheRestStored() {
        JdbiActivityStore store = store("activity_log", true);
        db.execute("ALTER TABLE activity_log ADD COLUMN filler int"); // the move names its columns
        db.execute("ALTER TABLE activity_log ADD CONSTRAINT no_poison CHECK (remarks <> 'poison')");
        List<ActivityLog> batch = plain(N + 60);
        // Rejected by the move: a CHECK, a value too long for varchar(64); by COPY itself: a number jsonb cannot hold.
        batch.set(7, batch.get(7).toBuilder().remarks("poison").build());
        batch.set(30, batch.get(30).toBuilder().clientIp("x".repeat(65)).build());
        batch.set(
                51,
                batch.get(51).toBuilder()
                        .data(Map.of("k", new java.math.BigDecimal("1E+200000")))
                        .build());
        store.append(batch);

        assertThat(store.poisonRows()).isEqualTo(3);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(store.get(batch.get(i).id()))
                    .isEqualTo(
                            i == 7 || i == 30 || i == 51
                                    ? java.util.Optional.empty()
                                    : java.util.Optional.of(batch.get(i)));
        }
    }

    @Test
    void aBatchWrittenTwiceIsStoredOnce() {
        JdbiActivityStore store = store("activity_log", true);
        List<ActivityLog> batch = plain(3 * N);
        store.append(batch);
        store.append(batch);
        store.append(batch.subList(N / 2, N / 2 + N));
        List<ActivityLog> dup = new ArrayList<>(batch.subList(0, N));
        dup.addAll(batch.subList(0, N));
        store.append(dup);
        assertThat(store.copiedBatches()).isEqualTo(4);
        assertThat(store.count(ActivityQuery.builder().build(), 10_000).value()).isEqualTo(3 * N);
        assertThat(store.poisonRows()).isZero();
    }

    @Test
    void aForkedChainIsRejected() {
        JdbiActivityStore store = store("activity_log", true);
        List<ActivityLog> first = chained(0, N + 20);
        store.append(first);
        List<ActivityLog> fork = plain(N + 20);
        // Another record claiming position 5 of the same chain.
        fork.set(
                3,
                fork.get(3).toBuilder()
                        .integrity(new ActivityLog.Integrity("c", 5, "0".repeat(64), "f".repeat(64)))
                        .build());
        store.append(fork);
        assertThat(store.poisonRows()).isEqualTo(1);
        assertThat(store.get(fork.get(3).id())).isEmpty();
        assertThat(store.count(ActivityQuery.builder().build(), 10_000).value()).isEqualTo(2 * N + 39);
    }

    @Test
    void storesOnDifferentTablesShareAConnection() throws SQLException {
        db.execute("CREATE SCHEMA " + db.schema() + "_b");
        try {
            JdbiActivityStore a = store("activity_log", true);
            JdbiActivityStore b = store(db.schema() + "_b.activity_log", true);
            int m = N + 1;
            List<ActivityLog> forA = plain(5 * N);
            List<ActivityLog> forB = plain(5 * m);
            for (int i = 0; i < 5; i++) {
                a.append(forA.subList(i * N, i * N + N));
                b.append(forB.subList(i * m, i * m + m));
            }
            assertThat(a.copiedBatches()).isEqualTo(5);
            assertThat(b.copiedBatches()).isEqualTo(5);
            assertThat(rowsAsText("activity_log").keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            forA.stream().map(ActivityLog::id).toList());
            assertThat(rowsAsText(db.schema() + "_b.activity_log").keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            forB.stream().map(ActivityLog::id).toList());
            assertThat(PgCopy.stagingName(TableName.of("activity_log")))
                    .isNotEqualTo(PgCopy.stagingName(TableName.of(db.schema() + "_b.activity_log")))
                    .isEqualTo(PgCopy.stagingName(TableName.of("ACTIVITY_LOG")))
                    .hasSizeLessThan(64);
        } finally {
            db.execute("DROP SCHEMA " + db.schema() + "_b CASCADE");
        }
    }

    @Test
    void aConnectionThatLostItsStagingTableGetsItBack() throws SQLException {
        JdbiActivityStore store = store("activity_log", true);
        List<ActivityLog> batch = plain(3 * N);
        store.append(batch.subList(0, N));
        // What a pooler's reset does to the session.
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DISCARD TEMP");
        }
        store.append(batch.subList(N, 2 * N));
        store.append(batch.subList(2 * N, 3 * N));
        assertThat(store.count(ActivityQuery.builder().build(), 10_000).value()).isEqualTo(3 * N);
        assertThat(store.copiedBatches()).isEqualTo(3);
    }

    @Test
    void switchedOffTheInsertPathWrites() throws SQLException {
        String table = "no_copy_" + UUID.randomUUID().toString().substring(0, 8);
        JdbiActivityStore store = store(table, false);
        assertThat(store.copies()).isFalse();
        store.append(plain(N + 40));
        assertThat(store.count(ActivityQuery.builder().build(), 10_000).value()).isEqualTo(N + 40);
        assertThat(store.copiedBatches()).isZero();
        assertThat(stagingTables(table)).isZero();
    }

    @Test
    void aBatchBelowTheThresholdTakesTheInsertPath() {
        JdbiActivityStore store = store("activity_log", true);
        store.append(plain(N - 1));
        store.append(plain(N));
        assertThat(store.copiedBatches()).isEqualTo(1);
        assertThat(store.count(ActivityQuery.builder().build(), 10_000).value()).isEqualTo(2 * N - 1);
    }

    @Test
    void h2NeverCopies() {
        try (JdbiActivityStore h2 = JdbiActivityStore.h2InMemory()) {
            assertThat(h2.copies()).isFalse();
        }
    }

    private static List<ActivityLog> plain(int n) {
        List<ActivityLog> logs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            logs.add(ActivityLog.builder(ActionType.UPDATE)
                    .actor("u" + i)
                    .remarks("ok " + i)
                    .build());
        }
        return logs;
    }

    private static List<ActivityLog> chained(int from, int n) {
        List<ActivityLog> logs = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            logs.add(ActivityLog.builder(ActionType.UPDATE)
                    .integrity(new ActivityLog.Integrity("c", i, "0".repeat(64), String.format("%064x", i)))
                    .build());
        }
        return logs;
    }

    /** Every escape COPY's text format has, NUL, non-BMP text, huge data, and nulls in every nullable column. */
    private static List<ActivityLog> awkward() {
        String nasty = "back\\slash tab\tnew\nline cr\r \\N \\. end\\ \u0001\u007f é 日本 😀𝄞 'q' \"d\" ,;|";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nasty", nasty);
        data.put("nested", Map.of("list", List.of(1, 2.5, true, "x\ty"), "empty", Map.of()));
        data.put("big", "z".repeat(2_000_000));
        data.put("null", null);
        List<ActivityLog> logs = new ArrayList<>();
        logs.add(ActivityLog.builder(ActionType.of("CUSTOM_ACTION"))
                .occurredAt(Instant.parse("2026-02-03T04:05:06.789012Z"))
                .actor(nasty)
                .actorName(nasty)
                .tenant(nasty)
                .loginName(nasty)
                .instance(nasty)
                .status(Status.FAILED)
                .remarks(nasty + "x".repeat(100_000))
                .target("type\t" + nasty, "id\n" + nasty)
                .clientIp("::1\t\\")
                .userAgent(nasty)
                .requestId("r\\1")
                .traceId("t\n1")
                .httpMethod("GE\tT")
                .httpPath("/a\\b\n" + nasty)
                .httpRoute("/{id}\\")
                .httpStatus(999)
                .durationMs(Long.MAX_VALUE)
                .data(data)
                .source(Source.HTTP)
                .integrity(new ActivityLog.Integrity("chain\t\\" + nasty, Long.MIN_VALUE, "p\\0", "h\n0"))
                .build());
        logs.add(ActivityLog.builder(ActionType.CREATE)
                .occurredAt(Instant.parse("0001-01-01T00:00:00Z"))
                .actor("a\0b")
                .remarks("a\0b")
                .data(Map.of("k\0", "v\\u0000"))
                .durationMs(0L)
                .httpStatus(100)
                .build());
        // Nulls in every nullable column (and no integrity), at the far end of the time range.
        logs.add(ActivityLog.builder(ActionType.READ)
                .occurredAt(Instant.parse("9999-12-31T23:59:59.999999Z"))
                .build());
        logs.add(ActivityLog.builder(ActionType.DELETE)
                .occurredAt(Instant.parse("1970-01-01T00:00:00.000001Z"))
                .actor("")
                .remarks("")
                .data(Map.of("", ""))
                .build());
        return logs;
    }

    private static boolean hasNul(ActivityLog log) {
        return log.toString().indexOf('\0') >= 0 || log.data().toString().indexOf('\0') >= 0;
    }

    /** Each row's columns as PostgreSQL's own text, by id. */
    private Map<UUID, List<String>> rowsAsText(String table) throws SQLException {
        Map<UUID, List<String>> rows = new HashMap<>();
        StringBuilder select = new StringBuilder("SELECT id");
        for (String col : Rows.COLUMNS) {
            select.append(", CAST(").append(col).append(" AS text)");
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(select + " FROM " + table)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= Rows.COLUMNS.size() + 1; i++) {
                    values.add(rs.getString(i));
                }
                rows.put(rs.getObject(1, UUID.class), values);
            }
        }
        return rows;
    }

    /** Temporary staging tables of the store on {@code table}, in any session. */
    private int stagingTables(String table) throws SQLException {
        try (Connection c = db.connect();
                var ps = c.prepareStatement(
                        "SELECT count(*) FROM pg_class WHERE relname = ? AND relpersistence = 't'")) {
            ps.setString(1, PgCopy.stagingName(TableName.of(table)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
