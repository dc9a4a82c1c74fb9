// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parsers for {@code X-Forwarded-For} and RFC 7239 {@code Forwarded}, allocation-light and linear.
 * Each appends one entry per hop: the address bytes, or {@link #UNKNOWN} for {@code unknown} and
 * obfuscated identifiers; each returns false when the header is malformed.
 */
final class ForwardedHeaders {
    /** Marks a hop whose address is hidden ({@code unknown}, {@code _obfuscated}) or not given. */
    static final byte[] UNKNOWN = new byte[0];

    private ForwardedHeaders() {}

    /** {@code X-Forwarded-For: client, proxy1, proxy2}; entries may carry a port ({@code 1.2.3.4:80}, {@code [::1]:80}). */
    static boolean parseXForwardedFor(String value, List<byte[]> hops) {
        int n = value.length();
        int i = 0;
        while (i <= n) {
            int end = value.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            int from = skipOws(value, i, end);
            int to = trimOws(value, from, end);
            if (from == to) {
                return false;
            }
            byte[] hop = node(value, from, to, false);
            if (hop == null) {
                return false;
            }
            hops.add(hop);
            i = end + 1;
        }
        return true;
    }

    /** {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"}; elements without {@code for} are unknown hops. */
    static boolean parseForwarded(String value, List<byte[]> hops) {
        int n = value.length();
        int i = skipOws(value, 0, n);
        byte @Nullable [] hop = null;
        boolean sawFor = false;
        boolean elementHasContent = false;
        while (i < n) {
            int nameStart = i;
            while (i < n && isTchar(value.charAt(i))) {
                i++;
            }
            if (i == nameStart || i >= n || value.charAt(i) != '=') {
                return false;
            }
            boolean isFor = i - nameStart == 3 && value.regionMatches(true, nameStart, "for", 0, 3);
            i++;
            byte[] parsed;
            if (i < n && value.charAt(i) == '"') {
                int close = closingQuote(value, i + 1);
                if (close < 0) {
                    return false;
                }
                // Escapes are legal in quoted strings but never appear in a node; reject rather than unescape.
                parsed = isFor
                        ? (value.indexOf('\\', i + 1) >= 0 && value.indexOf('\\', i + 1) < close
                                ? null
                                : node(value, i + 1, close, true))
                        : UNKNOWN;
                i = close + 1;
            } else {
                int start = i;
                while (i < n && isValueChar(value.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return false;
                }
                parsed = isFor ? node(value, start, i, true) : UNKNOWN;
            }
            if (isFor) {
                if (parsed == null || sawFor) {
                    return false;
                }
                hop = parsed;
                sawFor = true;
            }
            elementHasContent = true;
            i = skipOws(value, i, n);
            if (i == n) {
                break;
            }
            char sep = value.charAt(i);
            if (sep == ',') {
                hops.add(sawFor && hop != null ? hop : UNKNOWN);
                hop = null;
                sawFor = false;
                elementHasContent = false;
                i = skipOws(value, i + 1, n);
                // tolerate empty list elements: "a, , b"
                while (i < n && value.charAt(i) == ',') {
                    i = skipOws(value, i + 1, n);
                }
            } else if (sep == ';') {
                i = skipOws(value, i + 1, n);
            } else {
                return false;
            }
        }
        if (elementHasContent) {
            hops.add(sawFor && hop != null ? hop : UNKNOWN);
        }
        return true;
    }

    /**
     * One node: {@code unknown}, {@code _obfuscated}, an IPv4 literal, a bracketed IPv6 literal, each
     * with an optional port; a bare IPv6 literal is accepted in {@code X-Forwarded-For} only.
     */
    private static byte @Nullable [] node(String s, int from, int to, boolean rfc) {
        if (to - from == 7 && s.regionMatches(true, from, "unknown", 0, 7)) {
            return UNKNOWN;
        }
        if (s.charAt(from) == '_') {
            return obfuscated(s, from + 1, to) ? UNKNOWN : null;
        }
        if (s.charAt(from) == '[') {
            int close = s.indexOf(']', from);
            if (close < 0 || close >= to || !port(s, close + 1, to)) {
                return null;
            }
            return IpAddresses.parseV6Literal(s, from + 1, close);
        }
        int colon = s.indexOf(':', from);
        if (colon >= 0 && colon < to) {
            if (s.indexOf(':', colon + 1) >= 0 && s.indexOf(':', colon + 1) < to) {
                return rfc ? null : IpAddresses.parseV6Literal(s, from, to);
            }
            return port(s, colon, to) ? IpAddresses.parseV4(s, from, colon) : null;
        }
        return IpAddresses.parseV4(s, from, to);
    }

    /** Empty, or {@code :} followed by a port number (at most 65535) or an obfuscated port. */
    private static boolean port(String s, int from, int to) {
        if (from == to) {
            return true;
        }
        if (s.charAt(from) != ':' || to - from < 2) {
            return false;
        }
        if (s.charAt(from + 1) == '_') {
            return obfuscated(s, from + 2, to);
        }
        if (to - from - 1 > 5) {
            return false;
        }
        int value = 0;
        for (int i = from + 1; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value <= 65535;
    }

    /** RFC 7239 obfuscated identifier after the underscore: ALPHA / DIGIT / "." / "_" / "-". */
    private static boolean obfuscated(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** A token, leniently widened by ':' '[' ']' because some proxies forget to quote ports and IPv6. */
    private static boolean isValueChar(char c) {
        return isTchar(c) || c == ':' || c == '[' || c == ']';
    }

    private static int skipOws(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimOws(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
