package dev.auditsdk.internal.integrity;

import dev.auditsdk.ActivityLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The canonical bytes of a record, the input of its chain hash. Specified here so that a third
 * party can verify a trail without this library.
 *
 * <h2>Canonical form, version 3</h2>
 * The UTF-8 encoding of one JSON object, without any whitespace, whose members are sorted by key
 * (comparing UTF-16 code units, as RFC 8785 does) and which holds:
 * <ul>
 *   <li>{@code "v"}: the number {@code 3} ({@code 1} and {@code 2} for records of {@code schemaVersion} 1
 *       and 2, below);</li>
 *   <li>{@code "chainId"} (string) and {@code "seq"} (number): the record's chain position;</li>
 *   <li>{@code "id"}: the lower-case UUID; {@code "occurredAt"}: UTC as
 *       {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits);</li>
 *   <li>{@code "action"}, {@code "status"} ({@code SUCCESS}/{@code FAILED}), {@code "source"}
 *       ({@code http}/{@code auth}/{@code app}), {@code "schemaVersion"} (number),
 *       {@code "data"} (object, {@code {}} when empty);</li>
 *   <li>each of {@code actor, actorName, tenant, instance, loginName, remarks, targetType, targetId, clientIp, userAgent,
 *       requestId, traceId, httpMethod, httpPath, httpRoute} (strings) and {@code httpStatus,
 *       durationMs} (numbers) only when present; an absent value has no member.</li>
 * </ul>
 * Strings are written with {@code "} and {@code \} escaped as {@code \"} and {@code \\}, the
 * control characters U+0000..U+001F as {@code \b \t \n \f \r} or {@code \}{@code u00xx}
 * (lower-case hex), every other character literally. Numbers are their exact decimal value with
 * no exponent, no leading zeros, no trailing fraction zeros and no decimal point when integral
 * ({@code 1.50 → 1.5}, {@code 1e2 → 100}, {@code -0 → 0}); a binary floating-point value is first
 * written as Java's {@code Double.toString} (the text every store keeps). Nested objects in data
 * follow the same rules; arrays keep their order; booleans and null are {@code true false null}.
 *
 * <p><b>Version 2</b>, the form of records of {@code schemaVersion} 2 (written before {@code instance}
 * existed), is the same with {@code "v":2}; likewise an instance label added to such a row later
 * breaks its hash.
 *
 * <p><b>Version 1</b>, the form of records of {@code schemaVersion} 1 (written before
 * {@code loginName} existed), is the same with {@code "v":1}. Such a record has no login name, so
 * its bytes are exactly those it was hashed with; a login name present on it is written all the
 * same, so one added to an old row later breaks its hash.
 *
 * <p>The chain hash is {@code hash = SHA-256(canonical bytes ‖ prev)}, where {@code prev} is the
 * 32 raw bytes of the previous record's hash in the chain (nothing for the first record, seq 1);
 * hashes are stored as 64 lower-case hex digits.
 *
 * @since 0.1
 */
public final class CanonicalForm {
    /** The version of the canonical form of records written by this release. */
    public static final int VERSION = 3;

    private static final long YEAR_10000 = 253_402_300_800L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalForm() {}

    /** The canonical bytes of {@code log} at position {@code (chainId, seq)}. */
    public static byte[] bytes(ActivityLog log, String chainId, long seq) {
        return new CanonicalWriter().write(log, chainId, seq).toByteArray();
    }

    /**
     * The canonical form version of a record: its schema version for records of versions 1 and 2 (which
     * keep the bytes they were hashed with), {@link #VERSION} otherwise.
     */
    static int version(ActivityLog log) {
        return Math.min(log.schemaVersion(), VERSION);
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
