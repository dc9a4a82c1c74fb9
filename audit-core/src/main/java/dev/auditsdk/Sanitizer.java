// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.internal.util.JsonShape;
import dev.auditsdk.internal.util.Text;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Bounds, cleans and redacts a record before it leaves the caller's thread. Every text field is
 * cut to its limit with a visible {@code ...[truncated]} marker; control
 * characters in text columns are escaped (a CR/LF can never forge a log line), and so are invisible
 * and bidi format characters (U+202E, U+200B, U+FEFF… escaped as {@code \u202e}, so a value can
 * never pose as another on screen); data is cut in
 * depth and size, and values under secret-looking keys are replaced by {@code [REDACTED]} at any
 * depth. The work is bounded by the limits, not by the input's size. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Sanitizer {
    /** Keys whose values are masked by default (matched case-insensitively, ignoring '-' and '_', as substrings). */
    public static final List<String> DEFAULT_REDACT_KEYS = List.of(
            "password",
            "passwd",
            "secret",
            "token",
            "authorization",
            "cookie",
            "session",
            "api_key",
            "apikey",
            "credential",
            "private_key",
            "client_secret");

    private static final Sanitizer DEFAULTS = builder().build();

    private final int maxRemarks;
    private final int maxField;
    private final int maxUserAgent;
    private final int maxPath;
    private final int maxDataChars;
    private final int maxDataDepth;
    private final List<String> secretWords;

    private Sanitizer(Builder b) {
        this.maxRemarks = b.maxRemarks;
        this.maxField = b.maxField;
        this.maxUserAgent = b.maxUserAgent;
        this.maxPath = b.maxPath;
        this.maxDataChars = b.maxDataChars;
        this.maxDataDepth = b.maxDataDepth;
        this.secretWords = JsonShape.normalizeWords(b.redactKeys);
    }

    /** Remarks 4,096 chars, names 255, user agent 512, path 2,048, data 64 KiB and depth 32, default secret keys. */
    public static Sanitizer defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the record bounded, cleaned and redacted; the same instance when nothing needed changing. */
    @SuppressWarnings("ReferenceEquality") // on purpose: each step returns its input instance when unchanged
    public ActivityLog sanitize(ActivityLog log) {
        // Reads the fields directly: this runs on the request thread for every record.
        String actor = text(log.actor, maxField);
        String actorName = text(log.actorName, maxField);
        String tenant = text(log.tenant, maxField);
        String loginName = text(log.loginName, maxField);
        String instance = text(log.instance, maxField);
        String remarks = text(log.remarks, maxRemarks);
        Target target = log.target == null ? null : target(log.target);
        String clientIp = text(log.clientIp, 64);
        String userAgent = text(log.userAgent, maxUserAgent);
        String requestId = text(log.requestId, 128);
        String traceId = text(log.traceId, 64);
        String method = text(log.httpMethod, 32);
        String path = text(log.httpPath, maxPath);
        String route = text(log.httpRoute, maxField);
        Map<String, @Nullable Object> data = JsonShape.sanitize(log.data, maxDataDepth, maxDataChars, secretWords);
        if (actor == log.actor
                && actorName == log.actorName
                && tenant == log.tenant
                && loginName == log.loginName
                && instance == log.instance
                && remarks == log.remarks
                && target == log.target
                && clientIp == log.clientIp
                && userAgent == log.userAgent
                && requestId == log.requestId
                && traceId == log.traceId
                && method == log.httpMethod
                && path == log.httpPath
                && route == log.httpRoute
                && data == log.data) {
            return log;
        }
        return log.toBuilder()
                .actor(actor)
                .actorName(actorName)
                .tenant(tenant)
                .loginName(loginName)
                .instance(instance)
                .remarks(remarks)
                .target(target)
                .clientIp(clientIp)
                .userAgent(userAgent)
                .requestId(requestId)
                .traceId(traceId)
                .httpMethod(method)
                .httpPath(path)
                .httpRoute(route)
                .data(data)
                .build();
    }

    /** Cleans one untrusted text value (e.g. an attempted user name) with the limit for names. */
    public @Nullable String name(@Nullable String value) {
        return text(value, maxField);
    }

    /** Cleans one untrusted text value, escaping control characters and cutting it to {@code max} chars. */
    public @Nullable String text(@Nullable String value, int max) {
        return Text.clean(value, max);
    }

    /** Whether a data key would be masked. */
    public boolean isSecretKey(String key) {
        return JsonShape.isSecretKey(key, secretWords);
    }

    private Target target(Target t) {
        String type = Text.cleanLine(t.type(), maxField);
        String id = Text.cleanLine(t.id(), maxField);
        return type.equals(t.type()) && id.equals(t.id()) ? t : new Target(type, id);
    }

    /** Configures a {@link Sanitizer}. */
    public static final class Builder {
        private int maxRemarks = 4096;
        private int maxField = 255;
        private int maxUserAgent = 512;
        private int maxPath = 2048;
        private int maxDataChars = 64 * 1024;
        private int maxDataDepth = 32;
        private List<String> redactKeys = DEFAULT_REDACT_KEYS;

        private Builder() {}

        /** Longest remarks kept, in chars (default 4,096). */
        public Builder maxRemarksLength(int max) {
            this.maxRemarks = check(max, 32, 1 << 20, "maxRemarksLength");
            return this;
        }

        /** Longest actor, actor name, tenant, login name, route and target values (default 255, the column width). */
        public Builder maxNameLength(int max) {
            this.maxField = check(max, 32, 255, "maxNameLength");
            return this;
        }

        public Builder maxUserAgentLength(int max) {
            this.maxUserAgent = check(max, 32, 4096, "maxUserAgentLength");
            return this;
        }

        public Builder maxPathLength(int max) {
            this.maxPath = check(max, 32, 8192, "maxPathLength");
            return this;
        }

        /** Largest serialized data, estimated in chars (default 64 KiB, at most 1 MiB). */
        public Builder maxDataSize(int max) {
            this.maxDataChars = check(max, 256, (int) JsonShape.HARD_MAX_CHARS, "maxDataSize");
            return this;
        }

        /** Deepest data nesting kept (default 32, at most 64). */
        public Builder maxDataDepth(int max) {
            this.maxDataDepth = check(max, 1, JsonShape.HARD_MAX_DEPTH, "maxDataDepth");
            return this;
        }

        /** Replaces the keys whose values are masked; matched as case-insensitive substrings. */
        public Builder redactKeys(List<String> keys) {
            this.redactKeys = List.copyOf(Objects.requireNonNull(keys, "keys"));
            return this;
        }

        public Sanitizer build() {
            return new Sanitizer(this);
        }

        private static int check(int v, int min, int max, String name) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", got " + v);
            }
            return v;
        }
    }
}
