// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A framework-neutral view of one finished HTTP exchange: the request, the route or handler that
 * served it, the response status, the exception that escaped the handler, the authenticated
 * principal and the duration. Adapters build one when the response is complete (after
 * authentication has run) and hand it to {@link HttpActivityMapper#map}. Valid only while the
 * adapter is handling the exchange, since headers are read on demand.
 *
 * @since 0.1
 */
public final class HttpExchange {
    private final HttpRequestView request;
    private final @Nullable String route;
    private final int status;
    private final @Nullable Throwable exception;
    private final @Nullable String principal;
    private final long durationNanos;
    private final Map<String, String> pathVariables;

    private HttpExchange(Builder b) {
        this.request = b.request;
        this.route = b.route;
        this.status = b.status;
        this.exception = b.exception;
        this.principal = b.principal;
        this.durationNanos = b.durationNanos;
        this.pathVariables = b.pathVariables;
    }

    /**
     * The variables of the matched route, e.g. {@code id -> "7"} for {@code /api/posts/{id}}; empty
     * when the framework gave none. Untrusted text (it comes from the URL).
     */
    public Map<String, String> pathVariables() {
        return pathVariables;
    }

    /** Starts the view of the exchange of this request. */
    public static Builder builder(HttpRequestView request) {
        return new Builder(request);
    }

    /** The request this exchange answered. */
    public HttpRequestView request() {
        return request;
    }

    /** Shorthand for {@code request().method()}. */
    public String method() {
        return request.method();
    }

    /** Shorthand for {@code request().path()}. */
    public String path() {
        return request.path();
    }

    /** The route template or handler name (the seed's "Path Name"), when known. */
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    /** The response status code as the server set it (200 unless set). */
    public int status() {
        return status;
    }

    /** The exception that escaped the handler, if any. */
    public Optional<Throwable> exception() {
        return Optional.ofNullable(exception);
    }

    /** The authenticated principal's name as the framework reports it, if any. */
    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /** How long the exchange took, if the adapter measured it. */
    public Optional<Duration> duration() {
        return durationNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(durationNanos));
    }

    /** The duration in nanoseconds, or -1 when unknown (no allocation, for the hot path). */
    public long durationNanos() {
        return durationNanos;
    }

    @Override
    public String toString() {
        return request + " -> " + status
                + (exception == null ? "" : " (" + exception.getClass().getName() + ")");
    }

    /** Builds an {@link HttpExchange}; not thread-safe. */
    public static final class Builder {
        private final HttpRequestView request;
        private @Nullable String route;
        private int status = 200;
        private @Nullable Throwable exception;
        private @Nullable String principal;
        private long durationNanos = -1;
        private Map<String, String> pathVariables = Map.of();

        private Builder(HttpRequestView request) {
            this.request = Objects.requireNonNull(request, "request");
        }

        /** The route template or handler name, when the framework knows it. */
        public Builder route(@Nullable String route) {
            this.route = route;
            return this;
        }

        /** The response status code as set by the server (default 200). */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** The exception that escaped the handler, if any. */
        public Builder exception(@Nullable Throwable exception) {
            this.exception = exception;
            return this;
        }

        /** The authenticated principal's name, read after authentication has run. */
        public Builder principal(@Nullable String principal) {
            this.principal = principal;
            return this;
        }

        /** The duration in nanoseconds (e.g. from two {@code System.nanoTime()} readings); negative for unknown. */
        public Builder durationNanos(long durationNanos) {
            this.durationNanos = durationNanos < 0 ? -1 : durationNanos;
            return this;
        }

        /** The variables of the matched route (copied); read by remarks templates. */
        public Builder pathVariables(Map<String, String> pathVariables) {
            this.pathVariables = Map.copyOf(Objects.requireNonNull(pathVariables, "pathVariables"));
            return this;
        }

        /** Builds the view. */
        public HttpExchange build() {
            return new HttpExchange(this);
        }
    }
}
