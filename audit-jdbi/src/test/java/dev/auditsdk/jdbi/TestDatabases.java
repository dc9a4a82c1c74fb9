package dev.auditsdk.jdbi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests. Each call makes a private PostgreSQL schema or MariaDB database, so runs
 * and tests never see each other's rows. Addresses come from {@code AUDIT_PG_*} / {@code AUDIT_MARIADB_*};
 * an unreachable server skips the test unless {@code AUDIT_REQUIRE_DATABASES} is set, then it fails.
 */
final class TestDatabases {
    private TestDatabases() {}

    /** A private schema in the PostgreSQL test database. */
    static TestDatabase postgres() {
        String base = env("AUDIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("AUDIT_PG_USER", "postgres");
        String password = env("AUDIT_PG_PASSWORD", "");
        String schema = uniqueName();
        admin(base, user, password, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(
                "PostgreSQL",
                url,
                user,
                password,
                () -> admin(base, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** A private database on the MariaDB server. */
    static TestDatabase mariadb() {
        String base = env("AUDIT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        String user = env("AUDIT_MARIADB_USER", "root");
        String password = env("AUDIT_MARIADB_PASSWORD", "");
        String db = uniqueName();
        admin(base, user, password, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        int slash = base.indexOf('/', "jdbc:mariadb://".length());
        int query = base.indexOf('?', slash);
        String url = base.substring(0, slash + 1) + db + (query < 0 ? "" : base.substring(query));
        return new TestDatabase(
                "MariaDB", url, user, password, () -> admin(base, user, password, "DROP DATABASE IF EXISTS " + db));
    }

    private static String uniqueName() {
        return "audit_t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    private static void admin(String url, String user, String password, String sql) {
        try (Connection c = connect(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }

    private static Connection connect(String url, String user, String password) {
        try {
            DriverManager.setLoginTimeout(5);
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            if (System.getenv("AUDIT_REQUIRE_DATABASES") != null) {
                throw new IllegalStateException("AUDIT_REQUIRE_DATABASES is set but " + url + " is unreachable", e);
            }
            Assumptions.abort("database unreachable, test skipped: " + url + " (" + e.getMessage() + ")");
            throw new AssertionError("unreachable");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** One private database; {@link #close()} drops it. */
    record TestDatabase(String name, String url, String user, String password, Runnable drop) implements AutoCloseable {
        /** A plain, unpooled data source on it. */
        DataSource dataSource() {
            return new SimpleDataSource(url, user, password);
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

    /** A DriverManager-backed data source that can be switched off to play a database outage. */
    static final class SimpleDataSource implements PlainDataSource {
        private final String url;
        private final String user;
        private final String password;
        private volatile boolean down;

        SimpleDataSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        void down(boolean down) {
            this.down = down;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (test outage)", "08001");
            }
            return DriverManager.getConnection(url, user, password);
        }
    }
}
