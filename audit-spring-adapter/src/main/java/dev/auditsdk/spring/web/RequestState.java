// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import dev.auditsdk.ActivityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the capture keeps about one request between its start and its end, as a request attribute,
 * so it survives async dispatches (a new thread) and is shared by the filter and the interceptor.
 */
final class RequestState {
    static final String ATTRIBUTE = RequestState.class.getName();

    final ActivityContext context;
    final Instant startedAt;
    final long startNanos;
    /** Set once a handler method was reached: the interceptor owns the record, the filter must not add one. */
    volatile boolean handlerReached;

    volatile @Nullable HandlerPolicy policy;
    /** True while the AuditRequestFilter runs the chain on this request's original dispatch. */
    volatile boolean filterActive;
    /**
     * A record the interceptor left to the filter because an exception escaped the handler: a
     * filter further out (Spring Security's exception translation) may still turn it into a 401/403,
     * so only the filter sees the final status.
     */
    volatile @Nullable Deferred deferred;

    /** Finishes a deferred record with the final outcome. */
    interface Deferred {
        /**
         * Records the request with its final status.
         *
         * @param escaped the exception that escaped the whole chain, or null when a filter answered it
         */
        void complete(int status, @Nullable Throwable escaped);
    }

    private RequestState(ActivityContext context, Instant startedAt, long startNanos) {
        this.context = context;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
    }

    static @Nullable RequestState of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestState s ? s : null;
    }

    static RequestState start(HttpServletRequest request, ActivityContext context, Instant startedAt, long startNanos) {
        RequestState s = new RequestState(context, startedAt, startNanos);
        request.setAttribute(ATTRIBUTE, s);
        return s;
    }
}
