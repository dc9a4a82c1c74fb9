// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.jdbi.JdbiActivityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** A database the benchmarks run on: an H2 file in a temporary directory, or the PostgreSQL of AUDIT_PG_*. */
record BenchDatabase(
        String name,
        String url,
        String user,
        String password,
        boolean postgres,
        @Nullable Path dir) implements AutoCloseable {
    private static final java.util.concurrent.atomic.AtomicInteger RUNS =
            new java.util.concurrent.atomic.AtomicInteger();

    static BenchDatabase of(String name) throws java.io.IOException {
        return switch (name) {
            case "h2" -> {
                Path dir = Files.createTempDirectory("audit-bench");
                yield new BenchDatabase(
                        "H2 file",
                        "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                        "sa",
                        "",
                        false,
                        dir);
            }
            case "postgresql" ->
                new BenchDatabase(
                        "PostgreSQL",
                        env("AUDIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                        env("AUDIT_PG_USER", "postgres"),
                        env("AUDIT_PG_PASSWORD", ""),
                        true,
                        null);
            default -> throw new IllegalArgumentException("unknown database '" + name + "' (h2, postgresql)");
        };
    }

    /**
     * For H2, the same database in a new file, so every run starts from an empty file rather than
     * one grown (and being compacted) by earlier runs; PostgreSQL is returned as is.
     */
    BenchDatabase fresh() {
        if (dir == null) {
            return this;
        }
        String file =
                dir.resolve("bench" + RUNS.incrementAndGet()).toAbsolutePath().toString();
        return new BenchDatabase(name, "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", user, password, false, dir);
    }

    /** A plain connection, with batch rewriting on PostgreSQL (as the store's own pool has). */
    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        if (postgres) {
            p.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(url, p);
    }

    /** A store with its own pool on an existing table. */
    JdbiActivityStore store(String table) {
        return store(table, true);
    }

    /** A store with its own pool on an existing table; {@code copy} is its {@code copyBatches} switch. */
    JdbiActivityStore store(String table, boolean copy) {
        return JdbiActivityStore.builder(url, user, password)
                .tableName(table)
                .createSchema(false)
                .copyBatches(copy)
                .build();
    }

    /** Creates the table exactly as the store ships it (same columns, same indexes). */
    void createTable(String table) throws SQLException {
        dropTable(table);
        JdbiActivityStore.builder(url, user, password)
                .tableName(table)
                .createSchema(true)
                .maxPoolSize(1)
                .build()
                .close();
    }

    void dropTable(String table) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            // The store's schema makes the transactional outbox beside the trail.
            s.execute("DROP TABLE IF EXISTS " + table + "_outbox");
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes the temporary H2 files. */
    @Override
    public void close() throws java.io.IOException {
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
