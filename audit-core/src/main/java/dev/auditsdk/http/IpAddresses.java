// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import org.jspecify.annotations.Nullable;

/**
 * Parses and formats IP literals by hand. {@code InetAddress.getByName} is never used on request
 * data because it falls back to DNS for anything that is not a literal.
 */
final class IpAddresses {
    private IpAddresses() {}

    /**
     * Parses an IPv4 or IPv6 literal (no brackets, no port, no zone) in {@code s[from, to)}.
     * IPv4-mapped IPv6 addresses come back as their 4 IPv4 bytes.
     *
     * @return 4 or 16 bytes, or null when the text is not a literal
     */
    static byte @Nullable [] parse(String s, int from, int to) {
        if (from < 0 || to > s.length() || from >= to) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ':') {
                return unmap(parseV6(s, from, to));
            }
        }
        return parseV4(s, from, to);
    }

    /** {@link #parse(String, int, int)} over the whole string. */
    static byte @Nullable [] parse(@Nullable String s) {
        return s == null ? null : parse(s, 0, s.length());
    }

    static byte @Nullable [] parseV4(String s, int from, int to) {
        if (to - from < 7 || to - from > 15) {
            return null;
        }
        byte[] out = new byte[4];
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            // Leading zeros are rejected: some parsers read "010" as octal, so its meaning is ambiguous.
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    static byte @Nullable [] parseV6(String s, int from, int to) {
        if (to - from < 2 || to - from > 45) {
            return null;
        }
        byte[] out = new byte[16];
        int groups = 0;
        int gap = -1;
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            if (groups >= 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && hex(s.charAt(i)) >= 0) {
                value = (value << 4) | hex(s.charAt(i));
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                byte[] v4 = groups <= 6 ? parseV4(s, start, to) : null;
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, groups * 2, 4);
                groups += 2;
                i = to;
                break;
            }
            if (i == start || (i < to && hex(s.charAt(i)) >= 0)) {
                return null;
            }
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':' || ++i == to) {
                return null;
            }
            if (s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = groups;
                i++;
            }
        }
        if (gap < 0) {
            return groups == 8 ? out : null;
        }
        if (groups > 7) {
            return null;
        }
        int tail = groups - gap;
        System.arraycopy(out, gap * 2, out, 16 - tail * 2, tail * 2);
        java.util.Arrays.fill(out, gap * 2, 16 - tail * 2, (byte) 0);
        return out;
    }

    /** Formats 4 bytes as dotted decimal, 16 bytes in the RFC 5952 canonical form. */
    static String format(byte[] a) {
        StringBuilder sb = new StringBuilder(a.length == 4 ? 15 : 39);
        if (a.length == 4) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(a[i] & 0xFF);
            }
            return sb.toString();
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int g = 0; g < 8; ) {
            if (group(a, g) != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && group(a, g) == 0) {
                g++;
            }
            if (g - start > bestLen) {
                bestStart = start;
                bestLen = g - start;
            }
        }
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append("::");
                g += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(a, g)));
        }
        return sb.toString();
    }

    /** Whether the first {@code bits} bits of two addresses of the same family are equal. */
    static boolean samePrefix(byte[] a, byte[] network, int bits) {
        if (a.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** An IPv6 literal without brackets, IPv4-mapped addresses unmapped to 4 bytes. */
    static byte @Nullable [] parseV6Literal(String s, int from, int to) {
        return unmap(parseV6(s, from, to));
    }

    private static byte @Nullable [] unmap(byte @Nullable [] v6) {
        if (v6 == null) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return v6;
            }
        }
        if (v6[10] != (byte) 0xFF || v6[11] != (byte) 0xFF) {
            return v6;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    private static int group(byte[] a, int g) {
        return ((a[g * 2] & 0xFF) << 8) | (a[g * 2 + 1] & 0xFF);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
