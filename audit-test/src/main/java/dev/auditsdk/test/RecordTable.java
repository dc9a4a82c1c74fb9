// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import dev.auditsdk.ActivityLog;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Renders records as a compact text table, for failure messages that show what was recorded. */
final class RecordTable {
    /** Rows shown before the rest is summarized; a failure message should stay readable. */
    static final int MAX_ROWS = 30;

    private static final List<Column> COLUMNS = List.of(
            new Column("action", 32, l -> l.action().name()),
            new Column("status", 8, l -> l.status().displayName()),
            new Column("actor", 32, l -> l.actor().orElse("-")),
            new Column("target", 40, l -> l.target().map(Object::toString).orElse("-")),
            new Column("client ip", 45, l -> l.clientIp().orElse("-")),
            new Column("remarks", 48, l -> l.remarks().orElse("-")),
            new Column("data", 80, l -> data(l.data())));

    private RecordTable() {}

    /** The records, one per line under a header, numbered from 1; "(none)" when empty. */
    static String render(List<ActivityLog> records) {
        if (records.isEmpty()) {
            return "  (none)";
        }
        List<ActivityLog> shown = records.subList(0, Math.min(records.size(), MAX_ROWS));
        String[][] cells = new String[shown.size() + 1][COLUMNS.size() + 1];
        cells[0][0] = "#";
        for (int c = 0; c < COLUMNS.size(); c++) {
            cells[0][c + 1] = COLUMNS.get(c).name();
        }
        for (int r = 0; r < shown.size(); r++) {
            cells[r + 1][0] = Integer.toString(r + 1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Column column = COLUMNS.get(c);
                cells[r + 1][c + 1] = cut(column.value().apply(shown.get(r)), column.max());
            }
        }
        StringBuilder out = new StringBuilder();
        int[] widths = widths(cells);
        for (String[] row : cells) {
            out.append(' ');
            for (int c = 0; c < row.length; c++) {
                out.append(' ').append(pad(row[c], c == row.length - 1 ? 0 : widths[c]));
                if (c < row.length - 1) {
                    out.append(" |");
                }
            }
            out.append(System.lineSeparator());
        }
        if (records.size() > shown.size()) {
            out.append("  ... and ").append(records.size() - shown.size()).append(" more");
        }
        return out.toString().stripTrailing();
    }

    private static int[] widths(String[][] cells) {
        int[] widths = new int[cells[0].length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    private static String data(Map<String, @Nullable Object> data) {
        return data.isEmpty() ? "-" : data.toString();
    }

    private static String cut(String value, int max) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }

    /** A column: its header, its widest cell (longer values are cut with "..."), its value. */
    private record Column(String name, int max, Function<ActivityLog, String> value) {}
}
