package dev.auditsdk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.jspecify.annotations.Nullable;

/**
 * Turns the extra data of a record into an unmodifiable JSON-shaped tree, bounded in depth and in
 * (estimated) serialized size, with values under secret-looking keys masked. Work is bounded by
 * the limits: once the budget is spent the rest of a container is replaced by a marker.
 */
public final class JsonShape {
    /** Replaces a masked value. */
    public static final String REDACTED = "[REDACTED]";
    /** Key added to a map, or element added to a list, whose remaining entries were cut. */
    public static final String TRUNCATED_KEY = "_truncated";
    /** Hard ceilings applied when a record is built; sanitizer limits may not exceed them. */
    public static final int HARD_MAX_DEPTH = 64;

    public static final long HARD_MAX_CHARS = 1L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private final int maxDepth;
    private final long maxChars;
    private final boolean convert;
    private final Set<String> secretWords;
    private long used;

    private JsonShape(int maxDepth, long maxChars, boolean convert, Set<String> secretWords) {
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
                new JsonShape(HARD_MAX_DEPTH, HARD_MAX_CHARS, true, Set.of()).walk(data, 1, "data");
    }

    /**
     * Bounds and masks an already shaped tree; returns the same instance when nothing changed.
     *
     * @param secretWords normalized (lower-case, letters and digits only) words; a key containing one is masked
     */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> sanitize(
            Map<String, @Nullable Object> data, int maxDepth, long maxChars, Set<String> secretWords) {
        if (data.isEmpty()) {
            return data;
        }
        return (Map<String, @Nullable Object>)
                new JsonShape(maxDepth, maxChars, false, secretWords).walk(data, 1, "data");
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
        if (secretWords.isEmpty()) {
            return false;
        }
        String k = normalizeKey(key);
        for (String w : secretWords) {
            if (k.contains(w)) {
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

    private static Object number(Number n) {
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
        Map<String, @Nullable Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 4 / 3 + 1));
        boolean changed = convert;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object rawKey = e.getKey();
            if (rawKey == null) {
                throw new IllegalArgumentException("data map at '" + path + "' has a null key");
            }
            if (used >= maxChars) {
                out.put(TRUNCATED_KEY, Text.TRUNCATED);
                changed = true;
                break;
            }
            String key = rawKey instanceof String s ? s : String.valueOf(rawKey);
            String cleanKey = Text.cleanJson(key, 255);
            used += cleanKey.length() + 3;
            Object value = e.getValue();
            Object shaped;
            if (isSecret(cleanKey) && value != null) {
                shaped = REDACTED;
                used += REDACTED.length();
            } else {
                shaped = walk(value, depth + 1, convert ? path + "." + cleanKey : path);
            }
            changed |= shaped != value || !cleanKey.equals(key);
            out.put(cleanKey, shaped);
        }
        return changed ? Collections.unmodifiableMap(out) : m;
    }

    private Object list(Object v, int depth, String path) {
        used += 2;
        Iterator<?> it = v instanceof Iterable<?> iterable ? iterable.iterator() : arrayIterator(v);
        List<@Nullable Object> out = new ArrayList<>();
        boolean changed = convert;
        int index = 0;
        while (it.hasNext()) {
            if (used >= maxChars) {
                out.add(Text.TRUNCATED);
                changed = true;
                break;
            }
            Object item = it.next();
            Object shaped = walk(item, depth + 1, convert ? path + "[" + index + "]" : path);
            index++;
            changed |= shaped != item;
            out.add(shaped);
            used += 1;
        }
        return changed ? Collections.unmodifiableList(out) : v;
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
    public static Set<String> normalizeWords(Iterable<String> words) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String w : words) {
            String n = normalizeKey(w).toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return Set.copyOf(out);
    }
}
