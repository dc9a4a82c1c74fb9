package dev.auditsdk.jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.jdbi.v3.core.Handle;

/**
 * The versioned DDL shipped under {@value #LOCATION}{@code <vendor>/V<n>__*.sql}, the same files
 * an application may hand to Flyway. Every statement is idempotent, so applying them on each start
 * is safe. The scripts name the table {@code activity_log}; a configured name replaces it (and the
 * prefix of the index names) when the store applies them itself.
 */
final class Schema {
    static final String LOCATION = "db/migration/auditsdk/";
    static final List<String> VERSIONS = List.of("V1__create_activity_log.sql");

    private Schema() {}

    /** The statements of every version for this dialect and table, in order. */
    static List<String> statements(Dialect dialect, TableName table) {
        List<String> out = new ArrayList<>();
        for (String version : VERSIONS) {
            String sql = resource(LOCATION + dialect.vendor() + "/" + version);
            sql = sql.replaceAll("\\bactivity_log_(\\w+)", Matcher.quoteReplacement(table.bare()) + "_$1")
                    .replaceAll("\\bactivity_log\\b", Matcher.quoteReplacement(table.qualified()));
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
        }
        return out;
    }

    static void apply(Handle handle, Dialect dialect, TableName table) {
        for (String statement : statements(dialect, table)) {
            handle.execute(statement);
        }
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
