// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.changes;

import dev.auditsdk.internal.util.JsonShape;
import dev.auditsdk.internal.util.Text;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns any value into an unmodifiable JSON-shaped tree (maps with string keys, lists, strings,
 * numbers, booleans, nulls) without calling the object's methods beyond record accessors and
 * {@code toString()} of JDK values: beans are read by their fields, so reading never triggers a
 * getter's side effects. Bounded in depth and in nodes; a back-reference reads as {@link #CYCLE}.
 * Ignored paths are left out here, so they reach neither the comparison nor the output.
 */
final class ObjectTree {
    static final String CYCLE = "[cycle]";
    static final String INACCESSIBLE = "[inaccessible]";
    /** Nodes read per side at most; the rest reads as {@link Text#TRUNCATED}. */
    static final int MAX_NODES = 200_000;

    private final DiffSettings settings;
    // Small: it holds the containers on one path, not all of them (at most maxDepth)
    private final IdentityHashMap<Object, Boolean> onPath = new IdentityHashMap<>(8);
    private int nodes;

    private ObjectTree(DiffSettings settings) {
        this.settings = settings;
    }

    static @Nullable Object of(@Nullable Object value, DiffSettings settings) {
        return new ObjectTree(settings).convert(value, "", 0);
    }

    private @Nullable Object convert(@Nullable Object v, String path, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (++nodes > MAX_NODES) {
            return Text.TRUNCATED;
        }
        if (v instanceof Number n) {
            return JsonShape.number(n);
        }
        if (v instanceof Character || v instanceof UUID) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof TemporalAccessor t) {
            return time(t);
        }
        if (v instanceof Date d) {
            return date(d);
        }
        if (v instanceof Optional<?> o) {
            return convert(o.orElse(null), path, depth);
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (depth >= settings.maxDepth) {
            return Text.TRUNCATED;
        }
        if (onPath.put(v, Boolean.TRUE) != null) {
            return CYCLE;
        }
        try {
            if (v instanceof Map<?, ?> m) {
                return map(m, path, depth);
            }
            if (v instanceof Iterable<?> it) {
                List<@Nullable Object> out = new ArrayList<>();
                for (Object item : it) {
                    out.add(convert(item, path, depth + 1));
                }
                return Collections.unmodifiableList(out);
            }
            if (v.getClass().isArray()) {
                int n = Array.getLength(v);
                List<@Nullable Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(convert(Array.get(v, i), path, depth + 1));
                }
                return Collections.unmodifiableList(out);
            }
            if (isJdkType(v.getClass())) {
                return v.toString();
            }
            return v.getClass().isRecord() ? record(v, path, depth) : bean(v, path, depth);
        } finally {
            onPath.remove(v);
        }
    }

    private Object map(Map<?, ?> m, String path, int depth) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("map at '" + (path.isEmpty() ? "value" : path) + "' has a null key");
            }
            put(out, String.valueOf(e.getKey()), e.getValue(), path, depth);
        }
        return Collections.unmodifiableMap(out);
    }

    private Object record(Object v, String path, int depth) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (RecordComponent c : v.getClass().getRecordComponents()) {
            Object value;
            try {
                java.lang.reflect.Method accessor = c.getAccessor();
                value = accessor.trySetAccessible() ? accessor.invoke(v) : INACCESSIBLE;
            } catch (ReflectiveOperationException | RuntimeException e) {
                value = INACCESSIBLE;
            }
            put(out, c.getName(), value, path, depth);
        }
        return Collections.unmodifiableMap(out);
    }

    private Object bean(Object v, String path, int depth) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = v.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod)
                        || Modifier.isTransient(mod)
                        || f.isSynthetic()
                        || out.containsKey(f.getName())) {
                    continue;
                }
                Object value;
                try {
                    value = f.trySetAccessible() ? f.get(v) : INACCESSIBLE;
                } catch (IllegalAccessException | RuntimeException e) {
                    value = INACCESSIBLE;
                }
                put(out, f.getName(), value, path, depth);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private void put(Map<String, @Nullable Object> out, String key, @Nullable Object value, String path, int depth) {
        String child = path.isEmpty() ? key : path + "." + key;
        if (!settings.ignored.matches(child)) {
            out.put(key, convert(value, child, depth + 1));
        }
    }

    private static boolean isJdkType(Class<?> c) {
        String name = c.getName();
        return name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }

    private String time(TemporalAccessor t) {
        var unit = settings.timePrecision;
        if (t instanceof Instant i) {
            return i.truncatedTo(unit).toString();
        }
        if (t instanceof LocalDateTime l) {
            return l.truncatedTo(unit).toString();
        }
        if (t instanceof OffsetDateTime o) {
            return o.truncatedTo(unit).toString();
        }
        if (t instanceof ZonedDateTime z) {
            return z.truncatedTo(unit).toString();
        }
        if (t instanceof LocalTime l) {
            return l.truncatedTo(unit).toString();
        }
        if (t instanceof OffsetTime o) {
            return o.truncatedTo(unit).toString();
        }
        return t.toString();
    }

    // java.sql types arrive from JDBC-backed entities; matched by name, core does not use java.sql
    @SuppressWarnings("JavaUtilDate")
    private String date(Date d) {
        String type = d.getClass().getName();
        if (type.equals("java.sql.Date") || type.equals("java.sql.Time")) {
            return d.toString();
        }
        Instant at = Instant.ofEpochMilli(d.getTime());
        if (type.equals("java.sql.Timestamp")) {
            at = d.toInstant(); // keeps the nanoseconds a Timestamp carries
        }
        return time(at);
    }
}
