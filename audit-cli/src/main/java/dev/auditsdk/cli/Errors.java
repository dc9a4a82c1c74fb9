// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** One-line descriptions of failures, for stderr. */
final class Errors {
    private Errors() {}

    /**
     * The most useful single line about {@code e}: our own message, else the outermost database
     * error's (drivers explain best), else the outermost message; never a stack trace.
     */
    static String describe(Throwable e) {
        if (e instanceof CliException) {
            return firstLine(e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return "database error: " + firstLine(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : firstLine(m);
    }

    static String firstLine(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        // H2 puts the statement on the next lines; its first line ends in a dangling label
        return line.endsWith("; SQL statement:") ? line.substring(0, line.length() - 16) : line;
    }
}
