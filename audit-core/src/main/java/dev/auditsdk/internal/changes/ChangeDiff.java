// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.changes;

import dev.auditsdk.internal.util.JsonShape;
import dev.auditsdk.internal.util.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Compares two values path by path: both are turned into trees ({@link ObjectTree}, which leaves
 * ignored paths out), flattened to leaves (non-empty maps are followed, anything else is a leaf),
 * normalized and compared; a changed leaf is reported masked or bounded. Not API.
 */
public final class ChangeDiff {
    /** The path of a change between two plain values. */
    static final String ROOT = "value";

    private ChangeDiff() {}

    /** One change: values are JSON-shaped and already masked and bounded. */
    public record Entry(
            String path,
            @Nullable Object oldValue,
            @Nullable Object newValue,
            boolean masked,
            @Nullable String oldFingerprint,
            @Nullable String newFingerprint) {}

    /** The changes, and how many more were found beyond the maximum. */
    public record Result(List<Entry> entries, int omitted) {}

    public static Result diff(@Nullable Object before, @Nullable Object after, DiffSettings s) {
        if (before instanceof Map<?, ?> mb && after instanceof Map<?, ?> ma) {
            // An entity's states: most properties are unchanged, so they need no tree, no path and no check
            Map<?, ?>[] trimmed = withoutEqualValues(mb, ma);
            if (trimmed != null) {
                before = trimmed[0];
                after = trimmed[1];
            }
        }
        Map<String, @Nullable Object> a = new LinkedHashMap<>();
        Map<String, @Nullable Object> b = new LinkedHashMap<>();
        flatten(ObjectTree.of(before, s), "", a);
        flatten(ObjectTree.of(after, s), "", b);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Entry> entries = new ArrayList<>();
        int omitted = 0;
        for (String path : paths) {
            Object oldValue = a.get(path);
            Object newValue = b.get(path);
            if (Objects.equals(normalize(oldValue, s), normalize(newValue, s))) {
                continue;
            }
            if (entries.size() >= s.maxChanges) {
                omitted++;
            } else if (s.masked.test(path)) {
                entries.add(new Entry(
                        path,
                        JsonShape.REDACTED,
                        JsonShape.REDACTED,
                        true,
                        fingerprint(oldValue, s),
                        fingerprint(newValue, s)));
            } else {
                entries.add(new Entry(path, output(oldValue, path, s), output(newValue, path, s), false, null, null));
            }
        }
        return new Result(List.copyOf(entries), omitted);
    }

    /**
     * Both maps without the string keys whose values are equal plain values on both sides (the same
     * tree either way, so the same leaves: never a change); null when a key is not a string, so the
     * tree reports it as it always does.
     */
    private static Map<?, ?> @Nullable [] withoutEqualValues(Map<?, ?> before, Map<?, ?> after) {
        Map<Object, @Nullable Object> b = new LinkedHashMap<>(before.size() * 2);
        Map<Object, @Nullable Object> a = new LinkedHashMap<>(after.size() * 2);
        for (Map.Entry<?, ?> e : before.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                return null;
            }
            Object old = e.getValue();
            if (!after.containsKey(key) || !equalPlainValues(old, after.get(key))) {
                b.put(key, old);
            }
        }
        for (Map.Entry<?, ?> e : after.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                return null;
            }
            Object now = e.getValue();
            if (!before.containsKey(key) || !equalPlainValues(before.get(key), now)) {
                a.put(key, now);
            }
        }
        return new Map<?, ?>[] {b, a};
    }

    /** Equal immutable JDK values (or both null): their trees are equal; beans and containers are not judged here. */
    private static boolean equalPlainValues(@Nullable Object x, @Nullable Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        return x.getClass() == y.getClass() && isPlainValue(x) && x.equals(y);
    }

    private static boolean isPlainValue(Object v) {
        return v instanceof String
                || v instanceof Boolean
                || v instanceof Character
                || v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof Double
                || v instanceof Float
                || v instanceof BigDecimal
                || v instanceof BigInteger
                || v instanceof UUID
                || v instanceof Enum<?>
                || (v instanceof java.time.temporal.Temporal
                        && v.getClass().getName().startsWith("java.time."));
    }

    private static void flatten(@Nullable Object v, String path, Map<String, @Nullable Object> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, child) -> flatten(child, path.isEmpty() ? (String) k : path + "." + k, out));
        } else {
            out.put(path.isEmpty() ? ROOT : path, v);
        }
    }

    /** The value compared: numbers by value, blank text as null (as configured), containers element-wise. */
    static @Nullable Object normalize(@Nullable Object v, DiffSettings s) {
        if (v instanceof String str) {
            return s.blankEqualsNull && str.isBlank() ? null : str;
        }
        if (v instanceof Number n && s.normalizeNumbers) {
            BigDecimal d = n instanceof BigDecimal bd
                    ? bd
                    : n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, @Nullable Object> out = new LinkedHashMap<>();
            m.forEach((k, child) -> out.put(k, normalize(child, s)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<@Nullable Object> out = new ArrayList<>(l.size());
            l.forEach(item -> out.add(normalize(item, s)));
            return out;
        }
        return v;
    }

    /** Masks values inside a reported container whose paths are masked, then bounds it. */
    private static @Nullable Object output(@Nullable Object v, String path, DiffSettings s) {
        Object masked = maskInside(v, path, s);
        if (masked instanceof String str) {
            return Text.cleanJson(str, s.maxValueLength);
        }
        if (masked instanceof Map<?, ?> || masked instanceof List<?>) {
            // The sanitizer's own bounding: same markers, same estimate of the JSON size
            return JsonShape.sanitize(Map.of(ROOT, masked), JsonShape.HARD_MAX_DEPTH, s.maxValueLength, List.of())
                    .get(ROOT);
        }
        return masked;
    }

    private static @Nullable Object maskInside(@Nullable Object v, String path, DiffSettings s) {
        if (v instanceof Map<?, ?> m) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            m.forEach((k, child) -> {
                String childPath = path + "." + k;
                out.put((String) k, s.masked.test(childPath) ? JsonShape.REDACTED : maskInside(child, childPath, s));
            });
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<@Nullable Object> out = new ArrayList<>(l.size());
            l.forEach(item -> out.add(maskInside(item, path, s)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** HMAC-SHA256 of the normalized value's tagged text, first 128 bits in hex; null without a key. */
    private static @Nullable String fingerprint(@Nullable Object v, DiffSettings s) {
        byte[] key = s.fingerprintKey;
        if (key == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(canonical(normalize(v, s)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    // Tagged so that the string "1" and the number 1 never share a fingerprint.
    private static String canonical(@Nullable Object v) {
        if (v == null) {
            return "z";
        }
        if (v instanceof String str) {
            return "s" + str;
        }
        if (v instanceof BigDecimal d) {
            return "n" + d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return (v instanceof Boolean ? "b" : "n") + v;
        }
        return "j" + v;
    }
}
