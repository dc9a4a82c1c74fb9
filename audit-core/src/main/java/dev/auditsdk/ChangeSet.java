// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The immutable result of {@link Changes#between}: the changed values in path order, plus how many
 * changes were left out because of {@link ChangeOptions.Builder#maxChanges(int)}. Put it in a
 * record with {@link ActivityLog.Builder#changes(ChangeSet)}.
 *
 * @since 0.2
 */
public final class ChangeSet {
    /** The key of {@link ActivityLog#data()} that holds the changes. */
    public static final String DATA_KEY = "changes";
    /** The key of {@link ActivityLog#data()} that holds the number of changes left out, when any were. */
    public static final String OMITTED_KEY = "changesOmitted";

    private static final ChangeSet EMPTY = new ChangeSet(List.of(), 0);

    private final List<Change> changes;
    private final int omitted;

    private ChangeSet(List<Change> changes, int omitted) {
        this.changes = List.copyOf(changes);
        this.omitted = omitted;
    }

    /** No changes. */
    public static ChangeSet empty() {
        return EMPTY;
    }

    /**
     * A change set of these changes.
     *
     * @param omitted how many further changes were found but left out (not negative)
     * @throws IllegalArgumentException if {@code omitted} is negative
     */
    public static ChangeSet of(List<Change> changes, int omitted) {
        Objects.requireNonNull(changes, "changes");
        if (omitted < 0) {
            throw new IllegalArgumentException("omitted must not be negative, got " + omitted);
        }
        return changes.isEmpty() && omitted == 0 ? EMPTY : new ChangeSet(changes, omitted);
    }

    /** The changes, in path order of the {@code before} value, then new paths of the {@code after} value. */
    public List<Change> changes() {
        return changes;
    }

    /** How many changes were found beyond the configured maximum and left out. */
    public int omitted() {
        return omitted;
    }

    /** Whether nothing changed (and nothing was left out). */
    public boolean isEmpty() {
        return changes.isEmpty() && omitted == 0;
    }

    /** The change at this path, if it is in the set. */
    public java.util.Optional<Change> get(String path) {
        return changes.stream().filter(c -> c.path().equals(path)).findFirst();
    }

    /**
     * The JSON shape stored under {@link #DATA_KEY}: one object per change with the keys
     * {@code path}, {@code old} and {@code new}; a masked change adds {@code "masked": true} (both
     * values are {@code "[REDACTED]"}) and, with a fingerprint key, {@code oldFingerprint} and
     * {@code newFingerprint}.
     */
    public List<Map<String, @Nullable Object>> toData() {
        List<Map<String, @Nullable Object>> out = new ArrayList<>(changes.size());
        for (Change c : changes) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            if (c.masked()) {
                m.put("masked", true);
                if (c.oldFingerprint() != null) {
                    m.put("oldFingerprint", c.oldFingerprint());
                    m.put("newFingerprint", c.newFingerprint());
                }
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeSet s && s.omitted == omitted && s.changes.equals(changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode() * 31 + omitted;
    }

    @Override
    public String toString() {
        return "ChangeSet" + changes + (omitted > 0 ? " +" + omitted + " omitted" : "");
    }
}
