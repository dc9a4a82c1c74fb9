// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.HttpExchange;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records one activity per request handled by a controller method, in {@code afterCompletion}: by
 * then authentication has run (form, basic, bearer/JWT alike) and the status is final. The route is
 * the best-matching pattern (the seed's "Path Name"), the handler {@code Controller#method} goes to
 * {@code data.handler}, and an exception that escaped the handler makes the record Failed with
 * status 500. The neutral {@link HttpActivityMapper} does the rest: action from the method, actor,
 * remarks, client IP, request id, exclusions; {@link AuditActivity}, {@link NoAudit} and
 * {@link ActivityContext#current()} adjust it per handler.
 *
 * <p>Only handler methods are recorded: static resources and requests no controller matched (404)
 * are not API hits. Error dispatches are skipped so a failure is recorded once, on the original
 * request. Async requests are recorded once, when the async dispatch completes. Works alone in plain
 * Spring MVC; under Spring Boot the {@link AuditRequestFilter} opens the request's context earlier,
 * so login records made by the security filters share its request id.
 *
 * @since 0.1
 */
public final class AuditHandlerInterceptor implements AsyncHandlerInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(AuditHandlerInterceptor.class);
    private static final String SCOPE = AuditHandlerInterceptor.class.getName() + ".scope";

    private final ActivityRecorder recorder;
    private final HttpActivityMapper mapper;
    private final boolean annotatedOnly;
    private final Map<Method, HandlerPolicy> policies = new ConcurrentHashMap<>();

    private AuditHandlerInterceptor(ActivityRecorder recorder, HttpActivityMapper mapper, boolean annotatedOnly) {
        this.recorder = recorder;
        this.mapper = mapper;
        this.annotatedOnly = annotatedOnly;
    }

    /**
     * An interceptor recording into {@code recorder} with {@code mapper}'s rules.
     *
     * @param annotatedOnly true to record only handlers annotated {@link AuditActivity} ({@code audit.web.mode=annotated})
     */
    public static AuditHandlerInterceptor create(
            ActivityRecorder recorder, HttpActivityMapper mapper, boolean annotatedOnly) {
        return new AuditHandlerInterceptor(
                Objects.requireNonNull(recorder, "recorder"), Objects.requireNonNull(mapper, "mapper"), annotatedOnly);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!mapper.isEnabled()
                || request.getDispatcherType() == DispatcherType.ERROR
                || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequestState state = RequestState.of(request);
        if (state == null) {
            // No AuditRequestFilter in front (plain Spring MVC): open the request's context here.
            Instant now = mapper.clock().instant();
            ActivityContext.Scope scope = mapper.openContext(ServletViews.view(request, now));
            state = RequestState.start(request, scope.context(), now, System.nanoTime());
            request.setAttribute(SCOPE, scope);
        } else if (ActivityContext.active().orElse(null) != state.context) {
            // An async dispatch on another thread: make the request's context current again.
            request.setAttribute(SCOPE, state.context.attach());
        }
        // After authentication, before the handler: records made by the handler inherit the tenant.
        Optional<String> tenant = mapper.tenant(ServletViews.of(request), state.context);
        if (request.getUserPrincipal() != null && mapper.tenants().rejects(tenant)) {
            // The handler is not reached, so the request filter records the refusal (marked) as denied.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            closeScope(request);
            return false;
        }
        state.handlerReached = true;
        if (state.policy == null) {
            state.policy = policy(method);
        }
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The thread goes back to the pool; the record is made when the async dispatch completes.
        closeScope(request);
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        RequestState state = RequestState.of(request);
        try {
            HandlerPolicy policy = state == null ? null : state.policy;
            if (state != null
                    && policy != null
                    && state.handlerReached
                    && request.getDispatcherType() != DispatcherType.ERROR) {
                state.policy = null;
                if (policy.record) {
                    record(request, response, state, policy, ex);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the request {} {}", request.getMethod(), request.getRequestURI(), e);
        } finally {
            closeScope(request);
        }
    }

    private void record(
            HttpServletRequest request,
            HttpServletResponse response,
            RequestState state,
            HandlerPolicy policy,
            @Nullable Exception ex) {
        ActivityContext context = state.context;
        Map<String, String> pathVariables = pathVariables(request);
        if (context.action().isEmpty() && policy.action != null) {
            context.action(policy.action);
        }
        if (context.target().isEmpty()) {
            context.target(policy.target(pathVariables));
        }
        context.data("handler", policy.handler);
        String route =
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p ? p : null;
        Principal principal = request.getUserPrincipal();
        String name = principal == null ? null : principal.getName();
        if (ex != null && state.filterActive) {
            // Spring Security may still answer this exception (AccessDeniedException → 403): the
            // filter completes the record once the chain has given the final status.
            // If it escapes the chain, the record names the handler's exception, not the container's wrapper.
            state.deferred = (status, escaped) ->
                    write(request, state, policy, pathVariables, route, name, status, escaped == null ? null : ex);
            return;
        }
        write(request, state, policy, pathVariables, route, name, response.getStatus(), ex);
    }

    private void write(
            HttpServletRequest request,
            RequestState state,
            HandlerPolicy policy,
            Map<String, String> pathVariables,
            @Nullable String route,
            @Nullable String principal,
            int status,
            @Nullable Throwable ex) {
        boolean ownRemarks = state.context.remarks().isPresent();
        HttpExchange exchange = HttpExchange.builder(ServletViews.view(request, state.startedAt))
                .route(route)
                .status(status)
                .exception(ex)
                .principal(principal)
                .durationNanos(System.nanoTime() - state.startNanos)
                .pathVariables(pathVariables)
                .build();
        mapper.map(exchange, state.context)
                .ifPresent(log -> recorder.record(ownRemarks ? log : policy.applyRemarks(log, exchange)));
    }

    private HandlerPolicy policy(HandlerMethod handler) {
        return policies.computeIfAbsent(handler.getMethod(), m -> {
            try {
                return HandlerPolicy.resolve(handler, annotatedOnly);
            } catch (RuntimeException e) {
                // A bad annotation (e.g. an invalid action name) must not break the application's request.
                LOG.error(
                        "Invalid @AuditActivity on {}; its requests are not recorded", handler.getShortLogMessage(), e);
                return HandlerPolicy.SKIP;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, String>) m) : Map.of();
    }

    private static void closeScope(HttpServletRequest request) {
        if (request.getAttribute(SCOPE) instanceof ActivityContext.Scope scope) {
            request.removeAttribute(SCOPE);
            scope.close();
        }
    }
}
