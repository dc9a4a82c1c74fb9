package dev.auditsdk.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A private schema in the PostgreSQL test database ({@code AUDIT_PG_URL}/{@code AUDIT_PG_USER}/
 * {@code AUDIT_PG_PASSWORD}); an unreachable server skips the test unless {@code AUDIT_REQUIRE_DATABASES}
 * is set, then it fails (the rule of the other database tests).
 */
record Postgres(String baseUrl, String url, String user, String password, String schema) implements AutoCloseable {
    static Postgres create() {
        String base = env("AUDIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("AUDIT_PG_USER", "postgres");
        String password = env("AUDIT_PG_PASSWORD", "");
        String schema = unique("audit_cli_");
        try (Connection c = connect(base, user, password)) {
            execute(c, "CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Postgres(
                base, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, schema);
    }

    static String unique(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** Runs admin statements (roles, tampering) as the test user. */
    void admin(String... sql) {
        try (Connection c = connect(url, user, password)) {
            for (String s : sql) {
                execute(c, s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
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
}
