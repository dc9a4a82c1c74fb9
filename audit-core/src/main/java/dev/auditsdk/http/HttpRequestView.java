// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A framework-neutral view of one incoming HTTP request: what an adapter knows when the request
 * arrives, and all the login helpers need. Headers are read on demand through {@link HeaderLookup},
 * so a view is valid only while its request is being handled. Made with {@link #builder}.
 *
 * @since 0.1
 */
public final class HttpRequestView {
    private final String method;
    private final String path;
    private final @Nullable String remoteAddress;
    private final HeaderLookup headers;
    private final @Nullable Instant startedAt;
    private final @Nullable Object nativeRequest;

    private HttpRequestView(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.remoteAddress = b.remoteAddress;
        this.headers = b.headers;
        this.startedAt = b.startedAt;
        this.nativeRequest = b.nativeRequest;
    }

    /**
     * Starts a view of a request.
     *
     * @param method the HTTP method as received, e.g. {@code "GET"}
     * @param path the request path without the query string, as received (e.g. a servlet's raw
     *     request URI); its path parameters are removed,
     *     so no {@code ;jsessionid=} reaches a record, whichever adapter made the view
     * @throws NullPointerException when {@code method} or {@code path} is null
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** The HTTP method as received. */
    public String method() {
        return method;
    }

    /** The request path without the query string and without path parameters (untrusted text). */
    public String path() {
        return path;
    }

    /** The socket peer's address as the server reports it (the direct client or the nearest proxy). */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    /** Reads request headers. */
    public HeaderLookup headers() {
        return headers;
    }

    /** Shorthand for {@code headers().first(name)}; null when absent. */
    public @Nullable String header(String name) {
        return headers.first(name);
    }

    /** When the request arrived, if the adapter knows it. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /**
     * The framework's own request object, when it is of the given type (e.g. {@code HttpServletRequest}),
     * for framework-specific resolvers.
     */
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(nativeRequest) ? Optional.of(type.cast(nativeRequest)) : Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Builds an {@link HttpRequestView}; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String path;
        private @Nullable String remoteAddress;
        private HeaderLookup headers = HeaderLookup.none();
        private @Nullable Instant startedAt;
        private @Nullable Object nativeRequest;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = RequestPaths.withoutPathParameters(Objects.requireNonNull(path, "path"));
        }

        /** The socket peer's IP address, e.g. from {@code ServletRequest.getRemoteAddr()}. */
        public Builder remoteAddress(@Nullable String remoteAddress) {
            this.remoteAddress = remoteAddress;
            return this;
        }

        /** How headers are read (default: none). */
        public Builder headers(HeaderLookup headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** When the request arrived; the record's time (default: the mapper's clock when mapping). */
        public Builder startedAt(@Nullable Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /** The framework's request object, reachable through {@link HttpRequestView#unwrap}. */
        public Builder nativeRequest(@Nullable Object nativeRequest) {
            this.nativeRequest = nativeRequest;
            return this;
        }

        /** Builds the view. */
        public HttpRequestView build() {
            return new HttpRequestView(this);
        }
    }
}
