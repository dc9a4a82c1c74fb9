package dev.auditsdk.internal.integrity;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@link CanonicalForm} straight into a reusable byte buffer. The writer thread chains every
 * record, so this avoids the text, its copies and its UTF-8 re-encoding (a few KB of garbage and
 * most of the chain's time per record). Not thread-safe: one per chain, used under its lock.
 */
public final class CanonicalWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long YEAR_10000 = 253_402_300_800L;

    private byte[] buf = new byte[1024];
    private int len;

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    /** Replaces the buffer's content with the canonical bytes of {@code log} at {@code (chainId, seq)}. */
    CanonicalWriter write(ActivityLog log, String chainId, long seq) {
        len = 0;
        Optional<Target> target = log.target();
        // Members in sorted key order, as CanonicalForm specifies.
        ascii("{\"action\":");
        string(log.action().name());
        member(",\"actor\":", log.actor());
        member(",\"actorName\":", log.actorName());
        member(",\"chainId\":", chainId);
        member(",\"clientIp\":", log.clientIp());
        ascii(",\"data\":");
        value(log.data());
        if (log.durationMs().isPresent()) {
            ascii(",\"durationMs\":");
            ascii(Long.toString(log.durationMs().get()));
        }
        member(",\"httpMethod\":", log.httpMethod());
        member(",\"httpPath\":", log.httpPath());
        member(",\"httpRoute\":", log.httpRoute());
        if (log.httpStatus().isPresent()) {
            ascii(",\"httpStatus\":");
            ascii(Integer.toString(log.httpStatus().get()));
        }
        ascii(",\"id\":");
        uuid(log.id());
        member(",\"instance\":", log.instance());
        member(",\"loginName\":", log.loginName());
        ascii(",\"occurredAt\":");
        time(log.occurredAt());
        member(",\"remarks\":", log.remarks());
        member(",\"requestId\":", log.requestId());
        ascii(",\"schemaVersion\":");
        ascii(Integer.toString(log.schemaVersion()));
        ascii(",\"seq\":");
        ascii(Long.toString(seq));
        member(",\"source\":", log.source().wireName());
        member(",\"status\":", log.status().name());
        if (target.isPresent()) {
            member(",\"targetId\":", target.get().id());
            member(",\"targetType\":", target.get().type());
        }
        member(",\"tenant\":", log.tenant());
        member(",\"traceId\":", log.traceId());
        member(",\"userAgent\":", log.userAgent());
        ascii(",\"v\":");
        ascii(Integer.toString(CanonicalForm.version(log)));
        put((byte) '}');
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void member(String keyPart, Optional<String> value) {
        if (value.isPresent()) {
            member(keyPart, value.get());
        }
    }

    private void member(String keyPart, String value) {
        ascii(keyPart);
        string(value);
    }

    private void value(@Nullable Object v) {
        if (v == null) {
            ascii("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (v instanceof Number n) {
            ascii(CanonicalForm.number(n));
        } else if (v instanceof Map<?, ?> m) {
            object(m);
        } else if (v instanceof Iterable<?> items) {
            put((byte) '[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    put((byte) ',');
                }
                first = false;
                value(item);
            }
            put((byte) ']');
        } else {
            string(v.toString());
        }
    }

    private void object(Map<?, ?> m) {
        put((byte) '{');
        if (!m.isEmpty()) {
            String[] keys = new String[m.size()];
            int i = 0;
            for (Object k : m.keySet()) {
                keys[i++] = String.valueOf(k);
            }
            Arrays.sort(keys);
            for (i = 0; i < keys.length; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                string(keys[i]);
                put((byte) ':');
                value(m.get(keys[i]));
            }
        }
        put((byte) '}');
    }

    /** A JSON string: escapes as CanonicalForm says, UTF-8 as {@code String.getBytes(UTF_8)} does. */
    private void string(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                    continue;
                }
                len = p;
                escape(c);
                b = buf;
                p = len;
                ensure(3 * (n - i) + 2);
                b = buf;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                        ? Character.toCodePoint(c, s.charAt(++i))
                        : -1;
                if (cp < 0) {
                    b[p++] = '?'; // a lone surrogate, replaced as the JDK's UTF-8 encoder does
                } else {
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                }
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        len = p;
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\b' -> ascii("\\b");
            case '\t' -> ascii("\\t");
            case '\n' -> ascii("\\n");
            case '\f' -> ascii("\\f");
            case '\r' -> ascii("\\r");
            default -> {
                ascii("\\u00");
                put(HEX[c >> 4]);
                put(HEX[c & 15]);
            }
        }
    }

    private void uuid(UUID id) {
        ensure(38);
        put((byte) '"');
        hex(id.getMostSignificantBits() >>> 32, 8);
        put((byte) '-');
        hex(id.getMostSignificantBits() >>> 16, 4);
        put((byte) '-');
        hex(id.getMostSignificantBits(), 4);
        put((byte) '-');
        hex(id.getLeastSignificantBits() >>> 48, 4);
        put((byte) '-');
        hex(id.getLeastSignificantBits(), 12);
        put((byte) '"');
    }

    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buf[len + i] = HEX[(int) (value & 15)];
            value >>>= 4;
        }
        len += digits;
    }

    private void time(Instant at) {
        if (at.getEpochSecond() < 0 || at.getEpochSecond() >= YEAR_10000) {
            string(CanonicalForm.time(at));
            return;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        ensure(29);
        put((byte) '"');
        digits(t.getYear(), 4);
        put((byte) '-');
        digits(t.getMonthValue(), 2);
        put((byte) '-');
        digits(t.getDayOfMonth(), 2);
        put((byte) 'T');
        digits(t.getHour(), 2);
        put((byte) ':');
        digits(t.getMinute(), 2);
        put((byte) ':');
        digits(t.getSecond(), 2);
        put((byte) '.');
        digits(at.getNano() / 1000, 6);
        put((byte) 'Z');
        put((byte) '"');
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i); // every caller passes ASCII
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
