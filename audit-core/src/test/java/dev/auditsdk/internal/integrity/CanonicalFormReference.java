// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.integrity;

import dev.auditsdk.ActivityLog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The first, plain implementation of {@link CanonicalForm} (a StringBuilder, then UTF-8), kept as
 * the reference the faster byte writer must match exactly.
 */
final class CanonicalFormReference {
    /** The version of the canonical form of records of the current schema version. */
    static final int VERSION = 2;

    private static final long YEAR_10000 = 253_402_300_800L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalFormReference() {}

    /** The canonical bytes of {@code log} at position {@code (chainId, seq)}. */
    public static byte[] bytes(ActivityLog log, String chainId, long seq) {
        StringBuilder sb = new StringBuilder(512);
        // Members in sorted key order, written by hand so the order is visible here.
        sb.append('{');
        member(sb, "action", log.action().name(), true);
        member(sb, "actor", log.actor(), false);
        member(sb, "actorName", log.actorName(), false);
        member(sb, "chainId", chainId, false);
        member(sb, "clientIp", log.clientIp(), false);
        sb.append(",\"data\":");
        value(sb, log.data());
        if (log.durationMs().isPresent()) {
            sb.append(",\"durationMs\":").append(log.durationMs().get().longValue());
        }
        member(sb, "httpMethod", log.httpMethod(), false);
        member(sb, "httpPath", log.httpPath(), false);
        member(sb, "httpRoute", log.httpRoute(), false);
        if (log.httpStatus().isPresent()) {
            sb.append(",\"httpStatus\":").append(log.httpStatus().get().intValue());
        }
        member(sb, "id", log.id().toString(), false);
        member(sb, "loginName", log.loginName(), false);
        member(sb, "occurredAt", time(log.occurredAt()), false);
        member(sb, "remarks", log.remarks(), false);
        member(sb, "requestId", log.requestId(), false);
        sb.append(",\"schemaVersion\":").append(log.schemaVersion());
        sb.append(",\"seq\":").append(seq);
        member(sb, "source", log.source().wireName(), false);
        member(sb, "status", log.status().name(), false);
        member(sb, "targetId", log.target().map(t -> t.id()), false);
        member(sb, "targetType", log.target().map(t -> t.type()), false);
        member(sb, "tenant", log.tenant(), false);
        member(sb, "traceId", log.traceId(), false);
        member(sb, "userAgent", log.userAgent(), false);
        sb.append(",\"v\":").append(log.schemaVersion() == 1 ? 1 : VERSION).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code occurredAt} as the canonical form writes it. */
    public static String time(Instant at) {
        if (at.getEpochSecond() < 0 || at.getEpochSecond() >= YEAR_10000) {
            return TIME.format(at);
        }
        // Hand-written: DateTimeFormatter costs about a microsecond per record on the writer thread.
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(27);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append('.');
        return pad(sb, at.getNano() / 1000, 6).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    private static void member(StringBuilder sb, String key, Optional<String> value, boolean first) {
        if (value.isPresent()) {
            member(sb, key, value.get(), first);
        }
    }

    private static void member(StringBuilder sb, String key, String value, boolean first) {
        if (!first) {
            sb.append(',');
        }
        string(sb, key);
        sb.append(':');
        string(sb, value);
    }

    private static void value(StringBuilder sb, @Nullable Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Number n) {
            sb.append(number(n));
        } else if (v instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>(m.size());
            for (Object k : m.keySet()) {
                keys.add(String.valueOf(k));
            }
            keys.sort(null);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, keys.get(i));
                sb.append(':');
                value(sb, m.get(keys.get(i)));
            }
            sb.append('}');
        } else if (v instanceof Iterable<?> items) {
            sb.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                value(sb, item);
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        BigDecimal d;
        if (n instanceof Double || n instanceof Float) {
            d = new BigDecimal(Double.toString(n.doubleValue()));
        } else if (n instanceof BigDecimal b) {
            d = b;
        } else {
            d = new BigDecimal(n.toString());
        }
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default ->
                    sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        sb.append(s, from, s.length()).append('"');
    }
}
