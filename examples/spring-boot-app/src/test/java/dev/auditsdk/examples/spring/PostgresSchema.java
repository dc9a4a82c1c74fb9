package dev.auditsdk.examples.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A private schema in the PostgreSQL test database, at the address the SDK's database tests use
 * ({@code AUDIT_PG_URL}, {@code AUDIT_PG_USER}, {@code AUDIT_PG_PASSWORD}; default
 * {@code 127.0.0.1:5432/test} as {@code postgres}). An unreachable server skips the test unless
 * {@code AUDIT_REQUIRE_DATABASES} is set; then it fails.
 */
record PostgresSchema(String baseUrl, String user, String password, String schema) implements AutoCloseable {

    static PostgresSchema create() {
        String base = env("AUDIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "audit_ex_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        PostgresSchema s =
                new PostgresSchema(base, env("AUDIT_PG_USER", "postgres"), env("AUDIT_PG_PASSWORD", ""), schema);
        s.execute("CREATE SCHEMA " + schema);
        return s;
    }

    /** The JDBC URL of the private schema. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection c = open();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + baseUrl, e);
        }
    }

    private Connection open() {
        try {
            DriverManager.setLoginTimeout(5);
            return DriverManager.getConnection(baseUrl, user, password);
        } catch (SQLException e) {
            if (System.getenv("AUDIT_REQUIRE_DATABASES") != null) {
                throw new IllegalStateException("AUDIT_REQUIRE_DATABASES is set but " + baseUrl + " is unreachable", e);
            }
            Assumptions.abort("PostgreSQL unreachable, test skipped: " + baseUrl + " (" + e.getMessage() + ")");
            throw new AssertionError("unreachable");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
