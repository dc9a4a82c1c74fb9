// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compiled path pattern. Plain paths and {@code prefix/**} take a string comparison; anything
 * else becomes a regular expression compiled once here, never per request.
 */
final class PathPattern {
    private final String pattern;
    private final int kind;
    private final String text;
    private final Pattern regex;

    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int REGEX = 2;

    private PathPattern(String pattern, int kind, String text, Pattern regex) {
        this.pattern = pattern;
        this.kind = kind;
        this.text = text;
        this.regex = regex;
    }

    static PathPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty path pattern");
        }
        Pattern regex = Pattern.compile(toRegex(pattern));
        if (!hasWildcard(pattern)) {
            return new PathPattern(pattern, EXACT, pattern, regex);
        }
        if (pattern.endsWith("/**") && !hasWildcard(pattern.substring(0, pattern.length() - 3))) {
            return new PathPattern(pattern, PREFIX, pattern.substring(0, pattern.length() - 3), regex);
        }
        return new PathPattern(pattern, REGEX, pattern, regex);
    }

    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(text);
            case PREFIX ->
                path.startsWith(text) && (path.length() == text.length() || path.charAt(text.length()) == '/');
            default -> regex.matcher(path).matches();
        };
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    private static String toRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("/**", i) && (i + 3 == pattern.length() || pattern.charAt(i + 3) == '/')) {
                // "/**" is zero or more whole segments
                re.append("(?:/[^/]*)*");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }
}
