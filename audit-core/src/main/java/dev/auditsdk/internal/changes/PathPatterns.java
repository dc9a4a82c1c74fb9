// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dotted path patterns: a pattern matches its path and every path below it; a {@code *} segment
 * matches any one segment. Immutable.
 */
public final class PathPatterns {
    private final List<String> patterns;
    private final List<String[]> split;

    private PathPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        List<String[]> s = new ArrayList<>(patterns.size());
        for (String p : patterns) {
            s.add(p.split("\\.", -1));
        }
        this.split = List.copyOf(s);
    }

    public static PathPatterns of(List<String> patterns) {
        patterns.forEach(PathPatterns::validate);
        return new PathPatterns(patterns);
    }

    /**
     * Checks one pattern.
     *
     * @throws IllegalArgumentException for a blank pattern or an empty segment
     */
    public static void validate(String pattern) {
        Objects.requireNonNull(pattern, "path");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("a path pattern must not be blank");
        }
        for (String s : pattern.split("\\.", -1)) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("path pattern '" + pattern + "' has an empty segment");
            }
        }
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The segments of a dotted path. */
    public static List<String> segments(String path) {
        return List.of(path.split("\\.", -1));
    }

    /** Whether a pattern matches this path or one of its ancestors. */
    public boolean matches(String path) {
        if (split.isEmpty()) {
            return false;
        }
        String[] segments = path.split("\\.", -1);
        for (String[] p : split) {
            if (p.length <= segments.length && prefixMatches(p, segments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixMatches(String[] pattern, String[] segments) {
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }
}
