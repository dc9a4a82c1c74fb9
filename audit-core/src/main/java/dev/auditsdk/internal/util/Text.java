// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.util;

import org.jspecify.annotations.Nullable;

/**
 * Bounds and cleans text in time proportional to the limit, never to the input's length.
 */
public final class Text {
    /** Appended to a value that was cut. */
    public static final String TRUNCATED = "...[truncated]";

    private Text() {}

    /**
     * For single-line columns: control characters (CR, LF, TAB, NUL, DEL, C1, U+2028/2029) are
     * escaped as {@code \n}, {@code \u0000}… so a value can never forge a second log line, and so
     * are Unicode format characters (category Cf: bidi embeddings, overrides and isolates
     * U+202A–202E and U+2066–2069, zero-width U+200B–200F, U+FEFF, U+061C, tag characters…), so
     * a value can never pose as another one on screen ({@code "\u202eecila"} does not show as
     * "alice"); a character outside the BMP is escaped as its two UTF-16 units. Lone surrogates
     * become U+FFFD; the result is at most {@code max} characters, cut with {@link #TRUNCATED}.
     */
    public static @Nullable String clean(@Nullable String s, int max) {
        return s == null ? null : cleanLine(s, max);
    }

    /** {@link #clean} for a value that is never null. */
    public static String cleanLine(String s, int max) {
        return bound(s, max, true);
    }

    /**
     * For JSON string values: NUL removed (PostgreSQL rejects it), lone surrogates replaced; other
     * control characters are left for the JSON encoder to escape.
     */
    public static String cleanJson(String s, int max) {
        return bound(s, max, false);
    }

    private static String bound(String s, int max, boolean escape) {
        int n = s.length();
        if (n <= max) {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                // Printable ASCII, nearly every char of a real record, is never special: one range check.
                if ((c < 0x20 || c >= 0x7F) && special(c, escape)) {
                    break;
                }
                i++;
            }
            if (i == n) {
                return s;
            }
        }
        return slow(s, max, escape);
    }

    /** Only called for chars outside printable ASCII, so plain text never pays for the Unicode lookup. */
    private static boolean special(char c, boolean escape) {
        if (Character.isSurrogate(c) || c == 0) {
            return true;
        }
        return escape && (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || invisible(c));
    }

    /** Format characters (Cf) render as nothing or reorder the text around them. */
    private static boolean invisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    private static void escapeUnit(StringBuilder out, char c) {
        out.append(String.format("\\u%04x", (int) c));
    }

    private static String slow(String s, int max, boolean escape) {
        int n = s.length();
        StringBuilder out = new StringBuilder(Math.min(n, max) + 16);
        int i = 0;
        // Stop as soon as the output is past the limit: work is bounded by max, not by n.
        while (i < n && out.length() <= max) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                char low = s.charAt(i + 1);
                if (escape && invisible(Character.toCodePoint(c, low))) {
                    escapeUnit(out, c);
                    escapeUnit(out, low);
                } else {
                    out.append(c).append(low);
                }
                i += 2;
                continue;
            }
            i++;
            if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == 0) {
                if (escape) {
                    out.append("\\u0000");
                }
            } else if (escape && special(c, true)) {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> escapeUnit(out, c);
                }
            } else {
                out.append(c);
            }
        }
        if (i < n || out.length() > max) {
            int keep = Math.max(0, max - TRUNCATED.length());
            if (keep > 0 && Character.isHighSurrogate(out.charAt(keep - 1))) {
                keep--;
            }
            out.setLength(Math.min(keep, out.length()));
            out.append(TRUNCATED, 0, Math.min(TRUNCATED.length(), max - out.length()));
        }
        return out.toString();
    }
}
