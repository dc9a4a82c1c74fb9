// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.util;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the extra data of a record into an unmodifiable JSON-shaped tree, bounded in depth and in
 * (estimated) serialized size, with values under secret-looking keys masked. Work is bounded by
 * the limits: once the budget is spent the rest of a container is replaced by a marker.
 */
public final class JsonShape implements BiConsumer<@Nullable Object, @Nullable Object> {
    /** Replaces a masked value. */
    public static final String REDACTED = "[REDACTED]";
    /** Key added to a map, or element added to a list, whose remaining entries were cut. */
    public static final String TRUNCATED_KEY = "_truncated";
    /** Hard ceilings applied when a record is built; sanitizer limits may not exceed them. */
    public static final int HARD_MAX_DEPTH = 64;

    public static final long HARD_MAX_CHARS = 1L << 20;

    // A fixed configuration: no modules are discovered on the classpath, so the same value always
    // gets the same shape (ActivityLog.Builder#data documents the conversion). The module applies
    // the rules of walk() to values nested in records and beans.
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().addModule(JdkValues.module()).build();

    private final int maxDepth;
    private final long maxChars;
    private final boolean convert;
    private final List<String> secretWords;
    private long used;
    // The map being walked at the current depth. Fields rather than locals so a sanitizing walk can
    // visit entries through Map.forEach(this); map() saves and restores them around nested maps.
    private Map<?, ?> levelMap = Map.of();
    private @Nullable Map<String, @Nullable Object> levelOut;
    private int levelSeen;
    private int levelDepth;
    private String levelPath = "";
    private boolean levelFull;

    private JsonShape(int maxDepth, long maxChars, boolean convert, List<String> secretWords) {
        this.maxDepth = maxDepth;
        this.maxChars = maxChars;
        this.convert = convert;
        this.secretWords = secretWords;
    }

    /**
     * Copies user data into a JSON-shaped tree within the hard ceilings.
     *
     * @throws IllegalArgumentException when a value is neither JSON-shaped nor convertible by Jackson
     */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> copyObject(Map<String, ? extends @Nullable Object> data) {
        return (Map<String, @Nullable Object>)
                new JsonShape(HARD_MAX_DEPTH, HARD_MAX_CHARS, true, List.of()).map(data, 1, "data");
    }

    /**
     * Bounds and masks an already shaped tree; returns the same instance when nothing changed.
     *
     * @param secretWords normalized (lower-case, letters and digits only) words; a key containing one is masked
     */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> sanitize(
            Map<String, @Nullable Object> data, int maxDepth, long maxChars, List<String> secretWords) {
        if (data.isEmpty()) {
            return data;
        }
        return (Map<String, @Nullable Object>)
                new JsonShape(maxDepth, maxChars, false, secretWords).map(data, 1, "data");
    }

    /** Lower-cases a key and keeps only letters and digits, so "X-Api_Key" matches "apikey". */
    public static String normalizeKey(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private boolean isSecret(String key) {
        return isSecretKey(key, secretWords);
    }

    /**
     * Whether {@code key}, normalized ({@link #normalizeKey}), contains one of the normalized
     * {@code secretWords}: the one rule of what is secret, for data keys and change paths alike.
     */
    public static boolean isSecretKey(String key, List<String> secretWords) {
        if (secretWords.isEmpty()) {
            return false;
        }
        // Runs per key on the request thread: match in place instead of allocating a normalized copy.
        boolean normalized = isNormalized(key);
        for (int i = 0; i < secretWords.size(); i++) {
            String w = secretWords.get(i);
            // Most words are longer than most keys: rule those out before searching.
            if (w.length() <= key.length() && (normalized ? key.contains(w) : containsNormalized(key, w))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNormalized(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code normalizeKey(key).contains(word)}, without building the normalized key. */
    static boolean containsNormalized(String key, String word) {
        int n = key.length();
        for (int start = 0; start < n; start++) {
            if (!Character.isLetterOrDigit(key.charAt(start))) {
                continue;
            }
            int i = start;
            int j = 0;
            while (j < word.length() && i < n) {
                char c = key.charAt(i++);
                if (!Character.isLetterOrDigit(c)) {
                    continue;
                }
                if (Character.toLowerCase(c) != word.charAt(j)) {
                    break;
                }
                j++;
            }
            if (j == word.length()) {
                return true;
            }
        }
        return false;
    }

    private @Nullable Object walk(@Nullable Object v, int depth, String path) {
        if (v == null) {
            used += 4;
            return null;
        }
        if (v instanceof String s) {
            long room = Math.max(0, maxChars - used - 2);
            String out = Text.cleanJson(s, (int) Math.min(Integer.MAX_VALUE, room));
            used += out.length() + 2;
            return convert ? out : (out.equals(s) ? s : out);
        }
        if (v instanceof Boolean) {
            used += 5;
            return v;
        }
        if (v instanceof Number n) {
            used += 12;
            return convert ? number(n) : v;
        }
        if (v instanceof Map<?, ?> || v instanceof Iterable<?> || v.getClass().isArray()) {
            if (depth > maxDepth) {
                used += Text.TRUNCATED.length();
                return Text.TRUNCATED;
            }
            return v instanceof Map<?, ?> m ? map(m, depth, path) : list(v, depth, path);
        }
        if (!convert) {
            return v;
        }
        // The common cases without a Jackson round trip; the result is what JdkValues would give.
        if (v instanceof Character || v instanceof Enum<?> || v instanceof UUID || v instanceof TemporalAccessor) {
            return walk(v.toString(), depth, path);
        }
        Object converted;
        try {
            converted = MAPPER.convertValue(v, Object.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "data value at '" + path + "' of type " + v.getClass().getName()
                            + " is not JSON-shaped and Jackson cannot convert it: " + e.getMessage(),
                    e);
        }
        return walk(converted, depth, path);
    }

    /**
     * A number as record data holds it: int, long, double, BigInteger, BigDecimal as they are; byte
     * and short as ints; float and other types by their decimal text; NaN and infinities as strings.
     */
    public static Object number(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (n instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return f.toString();
        }
        if (n instanceof Integer
                || n instanceof Long
                || n instanceof Double
                || n instanceof BigDecimal
                || n instanceof BigInteger) {
            return n;
        }
        if (n instanceof Float f) {
            return new BigDecimal(f.toString());
        }
        if (n instanceof Byte || n instanceof Short) {
            return n.intValue();
        }
        return new BigDecimal(n.toString());
    }

    private Object map(Map<?, ?> m, int depth, String path) {
        used += 2;
        Map<?, ?> outerMap = levelMap;
        Map<String, @Nullable Object> outerOut = levelOut;
        int outerSeen = levelSeen;
        int outerDepth = levelDepth;
        String outerPath = levelPath;
        boolean outerFull = levelFull;
        levelMap = m;
        // Sanitizing usually changes nothing: copy only from the first change on, so an already
        // clean map costs no allocation (the copy made at build() time is enough).
        levelOut = convert ? newMap(m.size()) : null;
        levelSeen = 0;
        levelDepth = depth;
        levelPath = path;
        levelFull = false;
        if (convert) {
            // User data of any size: stop as soon as the budget is spent.
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (!levelFull && it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                accept(e.getKey(), e.getValue());
            }
        } else {
            // Data already bounded by build(): visit it without iterator and entry objects.
            m.forEach(this);
        }
        Map<String, @Nullable Object> out = levelOut;
        levelMap = outerMap;
        levelOut = outerOut;
        levelSeen = outerSeen;
        levelDepth = outerDepth;
        levelPath = outerPath;
        levelFull = outerFull;
        return out != null ? Collections.unmodifiableMap(out) : m;
    }

    /** One entry of the map being walked; not for callers (no instance ever leaves this class). */
    @Override
    public void accept(@Nullable Object rawKey, @Nullable Object value) {
        if (levelFull) {
            return;
        }
        if (rawKey == null) {
            throw new IllegalArgumentException("data map at '" + levelPath + "' has a null key");
        }
        if (used >= maxChars) {
            Map<String, @Nullable Object> out = levelOut != null ? levelOut : mapHead(levelMap, levelSeen);
            out.put(TRUNCATED_KEY, Text.TRUNCATED);
            levelOut = out;
            levelFull = true;
            return;
        }
        String key = rawKey instanceof String s ? s : String.valueOf(rawKey);
        String cleanKey = Text.cleanJson(key, 255);
        used += cleanKey.length() + 3;
        Object shaped;
        if (isSecret(cleanKey) && value != null) {
            shaped = REDACTED;
            used += REDACTED.length();
        } else {
            shaped = walk(value, levelDepth + 1, convert ? levelPath + "." + cleanKey : levelPath);
        }
        if (levelOut == null && (shaped != value || cleanKey != rawKey)) {
            levelOut = mapHead(levelMap, levelSeen);
        }
        if (levelOut != null) {
            levelOut.put(cleanKey, shaped);
        }
        levelSeen++;
    }

    private static Map<String, @Nullable Object> newMap(int size) {
        return new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
    }

    /** The first {@code n} entries of a map whose keys are strings and were left unchanged. */
    private static Map<String, @Nullable Object> mapHead(Map<?, ?> m, int n) {
        Map<String, @Nullable Object> out = newMap(m.size());
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        for (int i = 0; i < n; i++) {
            Map.Entry<?, ?> e = it.next();
            out.put((String) e.getKey(), e.getValue());
        }
        return out;
    }

    private Object list(Object v, int depth, String path) {
        used += 2;
        Iterator<?> it = v instanceof Iterable<?> iterable ? iterable.iterator() : arrayIterator(v);
        // As for maps: an unchanged list is returned as it is, without a copy.
        List<@Nullable Object> out = convert ? new ArrayList<>() : null;
        int index = 0;
        while (it.hasNext()) {
            if (used >= maxChars) {
                out = out != null ? out : listHead(v, index);
                out.add(Text.TRUNCATED);
                break;
            }
            Object item = it.next();
            Object shaped = walk(item, depth + 1, convert ? path + "[" + index + "]" : path);
            if (out == null && shaped != item) {
                out = listHead(v, index);
            }
            if (out != null) {
                out.add(shaped);
            }
            index++;
            used += 1;
        }
        return out != null ? Collections.unmodifiableList(out) : v;
    }

    /** The first {@code n} items of a list or array, unchanged. */
    private static List<@Nullable Object> listHead(Object v, int n) {
        Iterator<?> it = v instanceof Iterable<?> iterable ? iterable.iterator() : arrayIterator(v);
        List<@Nullable Object> out = new ArrayList<>(Math.max(10, n + 1));
        for (int i = 0; i < n; i++) {
            out.add(it.next());
        }
        return out;
    }

    private static Iterator<?> arrayIterator(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < length;
            }

            @Override
            public Object next() {
                return Array.get(array, i++);
            }
        };
    }

    /** Normalizes the configured secret words the way keys are normalized. */
    public static List<String> normalizeWords(Iterable<String> words) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String w : words) {
            String n = normalizeKey(w).toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        // A list: read by index per data key, where a set's iterator would be an allocation.
        return List.copyOf(out);
    }
}
