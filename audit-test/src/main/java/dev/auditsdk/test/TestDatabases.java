// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: each call makes a private PostgreSQL schema or MariaDB database, so runs and
 * tests never see each other's rows. Addresses come from {@code AUDIT_PG_URL}/{@code AUDIT_PG_USER}/
 * {@code AUDIT_PG_PASSWORD} and {@code AUDIT_MARIADB_URL}/{@code AUDIT_MARIADB_USER}/
 * {@code AUDIT_MARIADB_PASSWORD} (defaults: the local servers). An unreachable server skips the test,
 * unless {@code AUDIT_REQUIRE_DATABASES} is set: then it fails, so CI never passes by skipping.
 */
public final class TestDatabases {
    /** Set by CI: an unreachable database fails the test instead of skipping it. */
    public static final String REQUIRE_DATABASES = "AUDIT_REQUIRE_DATABASES";

    private TestDatabases() {}

    /** A private schema in the PostgreSQL test database; {@link TestDatabase#close()} drops it. */
    public static TestDatabase postgres() {
        String base = env("AUDIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("AUDIT_PG_USER", "postgres");
        String password = env("AUDIT_PG_PASSWORD", "");
        String schema = uniqueName("audit_t_");
        admin(base, user, password, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(
                "PostgreSQL",
                base,
                url,
                user,
                password,
                schema,
                () -> admin(base, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** A private database on the MariaDB server; {@link TestDatabase#close()} drops it. */
    public static TestDatabase mariadb() {
        String base = env("AUDIT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        String user = env("AUDIT_MARIADB_USER", "root");
        String password = env("AUDIT_MARIADB_PASSWORD", "");
        String db = uniqueName("audit_t_");
        admin(base, user, password, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        int slash = base.indexOf('/', "jdbc:mariadb://".length());
        int query = base.indexOf('?', slash);
        String url = base.substring(0, slash + 1) + db + (query < 0 ? "" : base.substring(query));
        return new TestDatabase(
                "MariaDB",
                base,
                url,
                user,
                password,
                db,
                () -> admin(base, user, password, "DROP DATABASE IF EXISTS " + db));
    }

    /** A name no other test run uses: {@code prefix} and 64 random bits in base 36. */
    public static String uniqueName(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /**
     * Opens a connection, applying the skip-or-fail rule: an unreachable server aborts the test (skipped),
     * or fails it when {@value #REQUIRE_DATABASES} is set.
     */
    public static Connection connect(String url, String user, String password) {
        try {
            DriverManager.setLoginTimeout(5);
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            if (System.getenv(REQUIRE_DATABASES) != null) {
                throw new IllegalStateException(REQUIRE_DATABASES + " is set but " + url + " is unreachable", e);
            }
            Assumptions.abort("database unreachable, test skipped: " + url + " (" + e.getMessage() + ")");
            throw new AssertionError("unreachable");
        }
    }

    private static void admin(String url, String user, String password, String... sql) {
        try (Connection c = connect(url, user, password);
                Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql) + " failed on " + url, e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * One private database.
     *
     * @param name the server's display name ({@code PostgreSQL}, {@code MariaDB})
     * @param serverUrl the URL of the shared test database the private one was made in
     * @param url the JDBC URL of the private schema or database
     * @param user the user name
     * @param password the password
     * @param schema the private schema's (PostgreSQL) or database's (MariaDB) name
     * @param drop drops it
     */
    public record TestDatabase(
            String name, String serverUrl, String url, String user, String password, String schema, Runnable drop)
            implements AutoCloseable {
        /** A plain, unpooled data source on it, which a test can switch off to play an outage. */
        public SwitchableDataSource dataSource() {
            return new SwitchableDataSource(url, user, password);
        }

        /** Opens a connection to it (skip-or-fail rule as {@link TestDatabases#connect}). */
        public Connection connect() {
            return TestDatabases.connect(url, user, password);
        }

        /** Runs statements on it as the test user: tampering, inspection, setup. */
        public void execute(String... sql) {
            admin(url, user, password, sql);
        }

        @Override
        public void close() {
            drop.run();
        }

        @Override
        public String toString() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** A {@link DriverManager}-backed data source that can be switched off to play a database outage. */
    public static final class SwitchableDataSource implements DataSource {
        private final String url;
        private final String user;
        private final String password;
        private volatile boolean down;

        /** A data source on {@code url}; it opens a new connection per call. */
        public SwitchableDataSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        /** While down, every new connection fails as a refused connection would (SQL state 08001). */
        public void down(boolean down) {
            this.down = down;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (test outage)", "08001");
            }
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return getConnection();
        }

        @Override
        public @Nullable PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
