// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import java.util.ArrayList;
import java.util.List;

/** Records as a plain-text table for a terminal. */
final class Table {
    private static final List<String> HEADER = List.of("OCCURRED AT", "ACTOR", "ACTION", "STATUS", "TARGET", "REMARKS");
    private static final int MAX_CELL = 60;

    private Table() {}

    static String of(List<ActivityLog> logs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ActivityLog log : logs) {
            rows.add(List.of(
                    log.occurredAt().toString(),
                    cell(log.actor().orElse("-")),
                    cell(log.action().name()),
                    log.status().name(),
                    cell(log.target().map(Table::target).orElse("-")),
                    cell(log.remarks().orElse(""))));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                String c = row.get(i);
                sb.append(c);
                if (i < widths.length - 1) {
                    sb.append(" ".repeat(widths[i] - c.length() + 2));
                }
            }
            sb.append('\n');
        }
        sb.append(logs.size()).append(logs.size() == 1 ? " record\n" : " records\n");
        return sb.toString();
    }

    private static String target(Target t) {
        return t.type() + ":" + t.id();
    }

    /**
     * A cell that cannot move the cursor or recolour the terminal: a stored value is untrusted input
     * (someone with database access may plant escape sequences), so control characters become '?'.
     */
    static String cell(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_CELL + 3));
        for (int i = 0; i < value.length() && sb.length() < MAX_CELL; i++) {
            char ch = value.charAt(i);
            sb.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return value.length() > MAX_CELL ? sb.append("...").toString() : sb.toString();
    }
}
