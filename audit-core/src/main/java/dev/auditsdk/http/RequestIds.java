// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.internal.util.UuidV7;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Request ids and W3C trace context. An incoming request id is untrusted text, so it is kept only
 * when it is short and made of safe characters; otherwise a fresh one is made. Used by
 * {@link HttpActivityMapper}; not API.
 */
final class RequestIds {
    /** The longest incoming request id kept. */
    public static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /**
     * Whether an incoming request id may be stored as is: 1 to {@value #MAX_LENGTH} characters, each
     * an ASCII letter, digit, or one of {@code - _ . : / + = @}.
     */
    public static boolean isAcceptable(@Nullable String requestId) {
        if (requestId == null || requestId.isEmpty() || requestId.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < requestId.length(); i++) {
            char c = requestId.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':'
                    || c == '/'
                    || c == '+'
                    || c == '='
                    || c == '@';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A new request id: a UUID version 7 for this time (cheap; not {@code UUID.randomUUID()}). */
    public static String generate(long epochMillis) {
        return UuidV7.next(epochMillis).toString();
    }

    /** {@code incoming} when acceptable, else a new id for this time. */
    public static String acceptOrGenerate(@Nullable String incoming, long epochMillis) {
        return incoming != null && isAcceptable(incoming) ? incoming : generate(epochMillis);
    }

    /**
     * The trace id of a W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or
     * empty when the header is absent or invalid: wrong lengths, upper-case or non-hex digits, version
     * {@code ff}, an all-zero trace or parent id, or a version-00 header with trailing data.
     */
    public static Optional<String> traceId(@Nullable String traceparent) {
        return Optional.ofNullable(traceIdOrNull(traceparent));
    }

    static @Nullable String traceIdOrNull(@Nullable String tp) {
        if (tp == null || tp.length() < 55 || tp.length() > 512) {
            return null;
        }
        if (!lowerHex(tp, 0, 2)
                || tp.charAt(2) != '-'
                || !lowerHex(tp, 3, 35)
                || tp.charAt(35) != '-'
                || !lowerHex(tp, 36, 52)
                || tp.charAt(52) != '-'
                || !lowerHex(tp, 53, 55)) {
            return null;
        }
        if (tp.startsWith("ff") || allZero(tp, 3, 35) || allZero(tp, 36, 52)) {
            return null;
        }
        // Version 00 is exactly 55 chars; later versions may append fields after a dash.
        if (tp.length() > 55 && (tp.startsWith("00") || tp.charAt(55) != '-')) {
            return null;
        }
        return tp.substring(3, 35);
    }

    private static boolean lowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
