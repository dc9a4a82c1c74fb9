// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.HttpExchange;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens the request's {@link ActivityContext} (request id, trace id, client IP) before the security
 * filter chain runs, so that login, failed-login and logout records made there share the request
 * id of the request's own record; the {@link AuditHandlerInterceptor} records handled requests.
 *
 * <p>Requests that never reach a handler because the security filter chain answered them with 401
 * or 403 are recorded here when {@code recordDenied} is on (route unknown, status Failed): an
 * authenticated user refused access is worth an audit row. Anonymous 401s follow the mapper's
 * {@code recordAnonymous} rule (a bad credential is recorded as Login Failed by the security
 * listener anyway). Other unhandled requests (404s, static resources) are not recorded.
 *
 * @since 0.1
 */
public final class AuditRequestFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRequestFilter.class);

    private final ActivityRecorder recorder;
    private final HttpActivityMapper mapper;
    private final boolean recordDenied;

    private AuditRequestFilter(ActivityRecorder recorder, HttpActivityMapper mapper, boolean recordDenied) {
        this.recorder = recorder;
        this.mapper = mapper;
        this.recordDenied = recordDenied;
    }

    /**
     * A filter for the interceptor that records into {@code recorder} with {@code mapper}.
     *
     * @param recordDenied whether 401/403 answers given before any handler ran are recorded
     */
    public static AuditRequestFilter create(
            ActivityRecorder recorder, HttpActivityMapper mapper, boolean recordDenied) {
        return new AuditRequestFilter(
                Objects.requireNonNull(recorder, "recorder"), Objects.requireNonNull(mapper, "mapper"), recordDenied);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!mapper.isEnabled() || RequestState.of(request) != null) {
            chain.doFilter(request, response);
            return;
        }
        long startNanos = System.nanoTime();
        Instant startedAt = mapper.clock().instant();
        ActivityContext.Scope scope = mapper.openContext(ServletViews.view(request, startedAt));
        RequestState state = RequestState.start(request, scope.context(), startedAt, startNanos);
        state.filterActive = true;
        Throwable escaped = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            escaped = e;
            throw e;
        } finally {
            state.filterActive = false;
            try {
                RequestState.Deferred deferred = state.deferred;
                if (deferred != null) {
                    state.deferred = null;
                    deferred.complete(response.getStatus(), escaped);
                } else if (recordDenied && !state.handlerReached && !request.isAsyncStarted()) {
                    recordDenied(request, response, state);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not record the request {} {}", request.getMethod(), request.getRequestURI(), e);
            } finally {
                scope.close();
            }
        }
    }

    private void recordDenied(HttpServletRequest request, HttpServletResponse response, RequestState state) {
        int status = response.getStatus();
        if (status != HttpServletResponse.SC_UNAUTHORIZED && status != HttpServletResponse.SC_FORBIDDEN) {
            return;
        }
        Principal principal = request.getUserPrincipal();
        HttpExchange exchange = HttpExchange.builder(ServletViews.view(request, state.startedAt))
                .status(status)
                .principal(principal == null ? null : principal.getName())
                .durationNanos(System.nanoTime() - state.startNanos)
                .build();
        state.context.data("denied", status == HttpServletResponse.SC_FORBIDDEN ? "forbidden" : "unauthenticated");
        mapper.map(exchange, state.context).ifPresent(recorder::record);
    }
}
