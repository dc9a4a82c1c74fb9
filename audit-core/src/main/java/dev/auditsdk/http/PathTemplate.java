// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A route template such as {@code /api/posts/{id}}: literal segments, whole-segment variables
 * {@code {name}}, {@code *} for any one segment, and a final {@code **} for any rest. Parsed once;
 * matching walks the path in place without allocating. Variable values are returned as they appear
 * in the path (not percent-decoded). Immutable and thread-safe. Used by {@link PathRoutes} and
 * {@link PathTargets}; not API.
 */
final class PathTemplate {
    private final String template;
    /** Literal text, or null for a variable / single wildcard. */
    private final @Nullable String[] literals;

    private final @Nullable String[] variables;
    private final boolean anyRest;

    private PathTemplate(String template, @Nullable String[] literals, @Nullable String[] variables, boolean anyRest) {
        this.template = template;
        this.literals = literals;
        this.variables = variables;
        this.anyRest = anyRest;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException if it does not start with {@code /}, has an empty or duplicate
     *     variable name, a brace inside a segment, or {@code **} anywhere but last
     */
    public static PathTemplate parse(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        String[] segments = template.substring(1).split("/", -1);
        List<@Nullable String> literals = new ArrayList<>();
        List<@Nullable String> variables = new ArrayList<>();
        boolean anyRest = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("**")) {
                if (i != segments.length - 1) {
                    throw new IllegalArgumentException("'**' must be the last segment: " + template);
                }
                anyRest = true;
            } else if (s.startsWith("{") && s.endsWith("}") && s.length() > 2) {
                String name = s.substring(1, s.length() - 1);
                if (name.indexOf('{') >= 0 || name.indexOf('}') >= 0 || variables.contains(name)) {
                    throw new IllegalArgumentException("bad or duplicate variable '" + name + "' in " + template);
                }
                literals.add(null);
                variables.add(name);
            } else if (s.equals("*")) {
                literals.add(null);
                variables.add(null);
            } else if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0 || s.indexOf('*') >= 0) {
                throw new IllegalArgumentException("variables and wildcards must fill a whole segment: " + template);
            } else {
                literals.add(s);
                variables.add(null);
            }
        }
        return new PathTemplate(template, literals.toArray(new String[0]), variables.toArray(new String[0]), anyRest);
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    /** Whether the path matches the template. */
    public boolean matches(String path) {
        return segmentStart(path, literals.length) >= 0;
    }

    /** The value of the variable {@code name} in {@code path}, empty when the path does not match or has no such variable. */
    public Optional<String> variable(String path, String name) {
        int index = -1;
        for (int i = 0; i < variables.length; i++) {
            if (name.equals(variables[i])) {
                index = i;
            }
        }
        if (index < 0 || !matches(path)) {
            return Optional.empty();
        }
        int start = segmentStart(path, index);
        int end = path.indexOf('/', start);
        return Optional.of(path.substring(start, end < 0 ? path.length() : end));
    }

    /** The variable names in order. */
    public List<String> variableNames() {
        List<String> names = new ArrayList<>();
        for (@Nullable String v : variables) {
            if (v != null) {
                names.add(v);
            }
        }
        return names;
    }

    /**
     * Walks the first {@code upTo} segments; returns where segment {@code upTo} starts, or -1 on a
     * mismatch. With {@code upTo == literals.length} it also checks the path ends right there.
     */
    private int segmentStart(String path, int upTo) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return -1;
        }
        int pos = 1;
        for (int i = 0; i < upTo; i++) {
            if (pos > path.length()) {
                return -1;
            }
            int end = path.indexOf('/', pos);
            if (end < 0) {
                end = path.length();
            }
            @Nullable String literal = literals[i];
            if (literal == null ? end == pos : (end - pos != literal.length() || !path.startsWith(literal, pos))) {
                return -1;
            }
            pos = end + 1;
        }
        if (upTo < literals.length) {
            return pos;
        }
        if (anyRest) {
            return pos <= path.length() + 1 ? pos : -1;
        }
        return pos == path.length() + 1 ? pos : -1;
    }

    @Override
    public String toString() {
        return template;
    }
}
