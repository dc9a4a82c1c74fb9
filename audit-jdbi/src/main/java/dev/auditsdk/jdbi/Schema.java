// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The versioned DDL shipped under {@value #LOCATION}{@code <vendor>/V<n>__*.sql}, the same files
 * an application may hand to Flyway. Every statement is idempotent, so applying them on each start
 * is safe. The scripts name the table {@code activity_log}; a configured name replaces it (and the
 * prefix of the index names) when the store applies them itself.
 */
final class Schema {
    static final String LOCATION = "db/migration/auditsdk/";
    static final List<String> VERSIONS = List.of(
            "V1__create_activity_log.sql",
            "V2__add_login_name.sql",
            "V3__add_instance.sql",
            "V4__create_outbox.sql",
            "V5__add_tenant_index.sql");
    /**
     * Versions only some dialects ship, applied after {@link #VERSIONS}: a version number used here
     * is not reused by a later common version, so Flyway's order stays the same on every dialect.
     */
    private static final Map<Dialect, List<String>> DIALECT_VERSIONS = Map.of(
            Dialect.H2, List.of("V6__data_as_varchar.sql", "V8__outbox_payload_as_varchar.sql"),
            Dialect.POSTGRESQL, List.of("V7__partial_indexes.sql"));

    private static final Pattern CREATE_INDEX =
            Pattern.compile("CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_INDEX = Pattern.compile("DROP INDEX IF EXISTS (\\w+)", Pattern.CASE_INSENSITIVE);
    /** The table's name in the scripts, and the names made of it; group 1 marks an index being dropped. */
    private static final Pattern NAME = Pattern.compile("(DROP INDEX IF EXISTS )?\\bactivity_log(_\\w+)?\\b");
    /** MySQL's "duplicate column name": its ALTER TABLE has no IF NOT EXISTS, so a re-run says this. */
    private static final int MYSQL_DUPLICATE_COLUMN = 1060;
    /** MySQL's "duplicate key name": its CREATE INDEX has no IF NOT EXISTS either. */
    private static final int MYSQL_DUPLICATE_KEY = 1061;

    private Schema() {}

    /** The versions this dialect ships, in order. */
    static List<String> versions(Dialect dialect) {
        List<String> out = new ArrayList<>(VERSIONS);
        out.addAll(DIALECT_VERSIONS.getOrDefault(dialect, List.of()));
        return out;
    }

    /**
     * The statements of every version for this dialect and table, in order, as the store applies them
     * on each start: a {@code CREATE INDEX IF NOT EXISTS} of an index that a later version drops
     * ({@code DROP INDEX IF EXISTS}) is left out. Applied in full on every start, the early version
     * would build that index again only for the later one to drop it, a full index build per start on
     * a big table. The DROP stays, so a table made before the later version loses the old index once.
     * Flyway runs each script once, in order, so the files themselves keep both statements.
     */
    static List<String> statements(Dialect dialect, TableName table) {
        List<String> all = new ArrayList<>();
        for (String version : versions(dialect)) {
            all.addAll(split(resource(LOCATION + dialect.vendor() + "/" + version)));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Matcher create = CREATE_INDEX.matcher(all.get(i));
            if (!create.lookingAt() || !droppedAfter(all, i, create.group(1))) {
                out.add(rename(all.get(i), table));
            }
        }
        return out;
    }

    private static boolean droppedAfter(List<String> statements, int index, String name) {
        for (String later : statements.subList(index + 1, statements.size())) {
            Matcher drop = DROP_INDEX.matcher(later);
            if (drop.lookingAt() && drop.group(1).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The script's names for this table, in one pass (so a table named like {@code activity_log_x} is
     * not renamed twice). The outbox is a table (qualified like the trail); the other
     * {@code activity_log_*} names are indexes, which live in the table's schema: CREATE INDEX puts
     * them there unqualified, DROP INDEX must name the schema.
     */
    private static String rename(String statement, TableName table) {
        String schema = table.qualified()
                .substring(0, table.qualified().length() - table.bare().length());
        return NAME.matcher(statement).replaceAll(m -> {
            String drop = m.group(1) == null ? "" : m.group(1);
            String suffix = m.group(2);
            String name = suffix == null
                    ? table.qualified()
                    : suffix.equals("_outbox")
                            ? table.qualified() + suffix
                            : (drop.isEmpty() ? "" : schema) + table.bare() + suffix;
            return Matcher.quoteReplacement(drop + name);
        });
    }

    /** A script's statements, without comments and the closing semicolons. */
    private static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    static void apply(Handle handle, Dialect dialect, TableName table) {
        for (String statement : statements(dialect, table)) {
            try {
                handle.execute(statement);
            } catch (RuntimeException e) {
                if (dialect != Dialect.MYSQL
                        || !(e.getCause() instanceof SQLException sql)
                        || (sql.getErrorCode() != MYSQL_DUPLICATE_COLUMN
                                && sql.getErrorCode() != MYSQL_DUPLICATE_KEY)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Checks that the table exists with every column the store writes, so a missing migration is
     * reported when the store starts, not by every batch afterwards.
     *
     * @throws IllegalStateException naming what is missing and the scripts that create it
     * @throws SQLException when the database cannot be asked (e.g. the connection broke)
     */
    static void check(Connection connection, Dialect dialect, TableName table) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table.qualified() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                present.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !state.startsWith("42")) {
                throw e;
            }
            throw new IllegalStateException("The audit table " + table.qualified() + " cannot be read (SQLSTATE "
                    + state + ": " + e.getMessage() + "). Create it with " + scripts(dialect, versions(dialect))
                    + ", e.g. through Flyway, or build the store with createSchema(true).");
        }
        List<String> missing = new ArrayList<>();
        for (String column : Rows.COLUMNS) {
            if (!present.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The audit table " + table.qualified() + " lacks the columns " + missing
                    + ". Run " + scripts(dialect, versionsAdding(dialect, missing))
                    + " on it (e.g. through Flyway), or build the store with createSchema(true).");
        }
    }

    /** The versions whose script mentions one of these columns: the ones that add them. */
    private static List<String> versionsAdding(Dialect dialect, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String version : versions(dialect)) {
            String sql = resource(LOCATION + dialect.vendor() + "/" + version).replaceAll("(?m)^\\s*--.*$", "");
            if (columns.stream()
                    .anyMatch(
                            c -> Pattern.compile("\\b" + c + "\\b").matcher(sql).find())) {
                out.add(version);
            }
        }
        return out.isEmpty() ? versions(dialect) : out;
    }

    private static String scripts(Dialect dialect, List<String> versions) {
        StringBuilder sb = new StringBuilder();
        for (String version : versions) {
            sb.append(sb.length() == 0 ? "" : ", then ")
                    .append(LOCATION)
                    .append(dialect.vendor())
                    .append('/')
                    .append(version);
        }
        return sb + " (in the audit-jdbi jar)";
    }

    private static String resource(String path) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
