// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import dev.auditsdk.spi.ActivityJson;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Records as RFC 4180 CSV rows ({@code \r\n} line ends), one column per field of the read API's JSON
 * in the same order, {@code data} as its JSON text. Safe to open in a spreadsheet: a cell starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR could be taken for a formula (CSV
 * injection), so it gets a leading apostrophe, which spreadsheets show as text; cells with a comma,
 * quote or line break are quoted, quotes doubled.
 *
 * @since 0.1
 */
public final class ActivityCsvWriter {
    private static final Map<String, Function<ActivityLog, @Nullable Object>> COLUMNS = columnValues();

    private ActivityCsvWriter() {}

    /** The column names, in order: the read API's JSON field names. */
    public static List<String> columns() {
        return List.copyOf(COLUMNS.keySet());
    }

    /**
     * Writes the header row.
     *
     * @throws IOException if the writer fails
     */
    public static void writeHeader(Writer out) throws IOException {
        out.write(String.join(",", COLUMNS.keySet()));
        out.write("\r\n");
    }

    /**
     * Writes one record as a row.
     *
     * @throws IOException if the writer fails
     */
    public static void writeRow(ActivityLog log, Writer out) throws IOException {
        Objects.requireNonNull(log, "log");
        StringBuilder line = new StringBuilder(256);
        for (Function<ActivityLog, @Nullable Object> column : COLUMNS.values()) {
            Object value = column.apply(log);
            line.append(cell(value == null ? null : value.toString())).append(',');
        }
        line.setCharAt(line.length() - 1, '\r');
        out.write(line.append('\n').toString());
    }

    /** One cell, neutralised and quoted as the class describes; null becomes the empty cell. */
    public static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = isFormulaStart(value.charAt(0)) ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static Map<String, Function<ActivityLog, @Nullable Object>> columnValues() {
        Map<String, Function<ActivityLog, @Nullable Object>> c = new LinkedHashMap<>();
        c.put("id", ActivityLog::id);
        c.put("occurredAt", ActivityLog::occurredAt);
        c.put("actor", l -> l.actor().orElse(null));
        c.put("actorName", l -> l.actorName().orElse(null));
        c.put("tenant", l -> l.tenant().orElse(null));
        c.put("loginName", l -> l.loginName().orElse(null));
        c.put("action", l -> l.action().name());
        c.put("status", l -> l.status().name());
        c.put("remarks", l -> l.remarks().orElse(null));
        c.put("targetType", l -> l.target().map(Target::type).orElse(null));
        c.put("targetId", l -> l.target().map(Target::id).orElse(null));
        c.put("clientIp", l -> l.clientIp().orElse(null));
        c.put("userAgent", l -> l.userAgent().orElse(null));
        c.put("requestId", l -> l.requestId().orElse(null));
        c.put("traceId", l -> l.traceId().orElse(null));
        c.put("httpMethod", l -> l.httpMethod().orElse(null));
        c.put("httpPath", l -> l.httpPath().orElse(null));
        c.put("httpRoute", l -> l.httpRoute().orElse(null));
        c.put("httpStatus", l -> l.httpStatus().orElse(null));
        c.put("durationMs", l -> l.durationMs().orElse(null));
        c.put("data", ActivityCsvWriter::dataJson);
        c.put("source", l -> l.source().wireName());
        return c;
    }

    private static String dataJson(ActivityLog log) {
        // data was checked to be JSON-shaped when the record was built
        return ActivityJson.dataToJson(log.data());
    }
}
