// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A record as one line of PostgreSQL's {@code COPY … FROM STDIN} text format, in {@link Rows#COLUMNS}
 * order: tab-separated, {@code \N} for null, backslash escapes for backslash, tab, newline and
 * carriage return. Every value is written as the batch path binds it (NUL escaped as {@code \u0000}
 * first, times in UTC with microseconds), so both paths store the same bytes. No pgjdbc type here:
 * this class is loaded on every database.
 */
final class CopyText {
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years {@link Instant#toString} writes as PostgreSQL reads them. */
    private static final long MIN_SECOND = -62_135_596_800L;

    private static final long MAX_SECOND = 253_402_300_799L;

    private CopyText() {}

    /** Whether pgjdbc's copy API is on the class path, checked without linking any of its classes here. */
    static boolean driverPresent() {
        try {
            Class.forName("org.postgresql.PGConnection", false, CopyText.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether every value of the record has an exact text form here; otherwise (a year outside
     * 1–9999, which ISO text cannot carry as PostgreSQL reads it) the batch takes the insert path.
     */
    static boolean fits(ActivityLog log) {
        long s = log.occurredAt().getEpochSecond();
        return s >= MIN_SECOND && s <= MAX_SECOND;
    }

    /** Appends the record's line, newline included. */
    static void append(StringBuilder out, ActivityLog log, String json) {
        Target target = log.target().orElse(null);
        ActivityLog.Integrity in = log.integrity().orElse(null);
        out.append(log.id().toString()).append('\t');
        // ISO 8601 with 'T' and 'Z', at most six fraction digits: the record is truncated to microseconds.
        out.append(log.occurredAt().toString()).append('\t');
        text(out, log.actor().orElse(null));
        text(out, log.actorName().orElse(null));
        text(out, log.tenant().orElse(null));
        text(out, log.loginName().orElse(null));
        text(out, log.instance().orElse(null));
        text(out, log.action().name());
        text(out, log.status().name());
        text(out, log.remarks().orElse(null));
        text(out, target == null ? null : target.type());
        text(out, target == null ? null : target.id());
        text(out, log.clientIp().orElse(null));
        text(out, log.userAgent().orElse(null));
        text(out, log.requestId().orElse(null));
        text(out, log.traceId().orElse(null));
        text(out, log.httpMethod().orElse(null));
        text(out, log.httpPath().orElse(null));
        text(out, log.httpRoute().orElse(null));
        number(out, log.httpStatus().orElse(null));
        number(out, log.durationMs().orElse(null));
        text(out, json);
        text(out, log.source().wireName());
        out.append(log.schemaVersion()).append('\t');
        text(out, in == null ? null : in.chainId());
        number(out, in == null ? null : in.seq());
        text(out, in == null ? null : in.prevHash());
        if (in == null) {
            out.append("\\N");
        } else {
            escape(out, Rows.escapeNul(in.hash()));
        }
        out.append('\n');
    }

    private static void text(StringBuilder out, @Nullable String value) {
        if (value == null) {
            out.append("\\N");
        } else {
            // PostgreSQL refuses NUL in text: the same escape as the insert path, then COPY's own.
            escape(out, Rows.escapeNul(value));
        }
        out.append('\t');
    }

    private static void number(StringBuilder out, @Nullable Number value) {
        if (value == null) {
            out.append("\\N");
        } else {
            out.append(value.longValue());
        }
        out.append('\t');
    }

    static void escape(StringBuilder out, String s) {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String esc;
            switch (ch) {
                case '\\' -> esc = "\\\\";
                case '\t' -> esc = "\\t";
                case '\n' -> esc = "\\n";
                case '\r' -> esc = "\\r";
                default -> {
                    continue;
                }
            }
            out.append(s, start, i).append(esc);
            start = i + 1;
        }
        out.append(s, start, s.length());
    }
}
