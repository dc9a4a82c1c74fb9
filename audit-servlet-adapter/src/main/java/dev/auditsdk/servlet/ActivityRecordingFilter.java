// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.HttpExchange;
import dev.auditsdk.http.HttpRequestView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Records one activity per HTTP request: the seed's {@code ActivityLogMixin}, moved to middleware.
 * Opens the request's {@link ActivityContext}, runs the chain, and records once the response is
 * complete: when the chain returns, or, for a request that went asynchronous, when the async cycle
 * completes. Handlers that throw are recorded as Failed with status 500; error dispatches are not
 * recorded again. The response is never changed, and a failure to record is logged, never thrown.
 *
 * <p>Made with {@link #builder(ActivityRecorder)} in code, or declared in {@code web.xml} and
 * configured by init-parameters (listed in the module README). Map it to
 * {@code /*} for the REQUEST and ASYNC dispatcher types, with async support on.
 *
 * @since 0.1
 */
public final class ActivityRecordingFilter implements Filter {
    /** The servlet-context attribute where a {@code web.xml}-declared filter finds its {@link ActivityRecorder} by default. */
    public static final String RECORDER_ATTRIBUTE = "dev.auditsdk.ActivityRecorder";

    /**
     * A request attribute application code may set (a {@code String} or a {@link Principal}) to name
     * the actor when its authentication does not show in {@code getUserPrincipal()}, e.g. a filter
     * further down the chain that wraps the request.
     */
    public static final String ACTOR_ATTRIBUTE = "dev.auditsdk.actor";

    private volatile @Nullable FilterSettings settings;

    /**
     * For servlet containers instantiating the filter from {@code web.xml}; it is configured by
     * {@link #init}. Code should use {@link #builder(ActivityRecorder)}.
     */
    public ActivityRecordingFilter() {}

    private ActivityRecordingFilter(FilterSettings settings) {
        this.settings = settings;
    }

    /** Starts configuring a filter that records to {@code recorder}. */
    public static Builder builder(ActivityRecorder recorder) {
        return new Builder(recorder);
    }

    /** The context a request's handlers enrich, reachable from any thread (e.g. async work), if the filter saw the request. */
    public static Optional<ActivityContext> context(ServletRequest request) {
        Object state = request.getAttribute(RequestState.ATTRIBUTE);
        return state instanceof RequestState s ? Optional.of(s.context) : Optional.empty();
    }

    /**
     * Configures a {@code web.xml}-declared filter from its init-parameters; a filter made by
     * {@link #builder} ignores them.
     *
     * @throws ServletException when a parameter is invalid or no recorder can be found
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (settings == null) {
            try {
                settings = FilterSettings.fromInitParameters(config);
            } catch (RuntimeException e) {
                throw new ServletException(
                        "invalid configuration of " + config.getFilterName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The container-login helpers bound to this filter's recorder and HTTP rules. */
    public ServletLogins logins() {
        return ServletLogins.of(settings().recorder, settings().mapper);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        FilterSettings s = settings;
        if (s == null
                || !s.mapper.isEnabled()
                || !(req instanceof HttpServletRequest request)
                || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Object existing = request.getAttribute(RequestState.ATTRIBUTE);
        if (existing instanceof RequestState state) {
            redispatch(state, request, response, chain);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            // a dispatch of a request this filter did not take on (excluded, or arrived before it was installed)
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        @Nullable RequestState state = null;
        ActivityContext.@Nullable Scope scope = null;
        try {
            HttpRequestView view = ServletViews.view(request, s.mapper.clock().instant());
            if (s.mapper.mayRecord(view)) {
                scope = s.mapper.openContext(view);
                state = new RequestState(
                        this,
                        request,
                        response,
                        view,
                        ServletRoutes.appPath(request),
                        scope.context(),
                        start,
                        s.routes.mapping(request),
                        principalName(request.getUserPrincipal()));
                request.setAttribute(RequestState.ATTRIBUTE, state);
            }
        } catch (RuntimeException e) {
            s.failures.failed("open the activity context", e);
            state = null;
        }
        if (state == null || scope == null) {
            if (scope != null) {
                scope.close();
            }
            chain.doFilter(req, res);
            return;
        }
        ServletRequest downstream = request.isAsyncSupported() ? new AsyncAwareRequest(request, state) : request;
        try {
            if (refusedForTenant(s, state.view, scope.context(), request, response)) {
                return;
            }
            chain.doFilter(downstream, res);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            state.failed(e);
            throw e;
        } finally {
            scope.close();
            if (!state.isListening() && !state.listen(request)) {
                finish(state);
            }
        }
    }

    /**
     * Stamps the request's tenant on its context and, when a tenant is required, refuses an
     * authenticated caller without one (403) before the application sees the request. The refusal
     * itself is recorded, marked as missing its tenant.
     */
    private static boolean refusedForTenant(
            FilterSettings s,
            HttpRequestView view,
            ActivityContext context,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<String> tenant = s.mapper.tenant(view, context);
        if (request.getUserPrincipal() == null || !s.mapper.tenants().rejects(tenant)) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("no tenant for this request\n");
        return true;
    }

    /** An ASYNC, ERROR, FORWARD or INCLUDE dispatch of a request already being recorded. */
    private static void redispatch(
            RequestState state, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ActivityContext.Scope scope = state.context.attach();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            state.failed(e);
            throw e;
        } finally {
            scope.close();
        }
    }

    /** Writes the record of a completed request, once; never throws. */
    void finish(RequestState state) {
        FilterSettings s = settings;
        if (s == null || !state.claim()) {
            return;
        }
        try {
            HttpServletRequest request = state.request;
            String appPath = state.appPath;
            if (state.context.target().isEmpty()) {
                s.routes.target(appPath).ifPresent(state.context::target);
            }
            HttpExchange exchange = HttpExchange.builder(state.view)
                    .route(s.routes.route(appPath, state.mapping))
                    .status(state.response.getStatus())
                    .exception(state.error())
                    .principal(actor(request, state))
                    .durationNanos(System.nanoTime() - state.startNanos)
                    .build();
            Optional<ActivityLog> log = s.mapper.map(exchange, state.context);
            if (log.isPresent()) {
                s.recorder.record(log.get());
            }
        } catch (RuntimeException | LinkageError e) {
            s.failures.failed("record the request", e);
        }
    }

    private static @Nullable String actor(HttpServletRequest request, RequestState state) {
        Object attr = request.getAttribute(ACTOR_ATTRIBUTE);
        if (attr instanceof String name && !name.isBlank()) {
            return name;
        }
        if (attr instanceof Principal p) {
            return principalName(p);
        }
        String now = principalName(request.getUserPrincipal());
        // Fall back to who was logged in when the request arrived (a logout request clears the principal).
        return now != null ? now : state.entryPrincipal;
    }

    private static @Nullable String principalName(@Nullable Principal p) {
        return p == null ? null : p.getName();
    }

    /** Closes the recorder when this filter made it (from a {@code recorder-supplier} init-parameter). */
    @Override
    public void destroy() {
        FilterSettings s = settings;
        if (s != null && s.ownsRecorder) {
            s.recorder.close();
        }
    }

    private FilterSettings settings() {
        FilterSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("filter not initialized");
        }
        return s;
    }

    /** Configures an {@link ActivityRecordingFilter}. */
    public static final class Builder {
        private final FilterSettings.Builder settings;

        private Builder(ActivityRecorder recorder) {
            this.settings = new FilterSettings.Builder(recorder);
        }

        /** The HTTP rules: actions, actor, remarks, exclusions, trusted proxies… (default {@link HttpActivityMapper#defaults()}). */
        public Builder mapper(HttpActivityMapper mapper) {
            settings.mapper(mapper);
            return this;
        }

        /**
         * Names the route of requests whose path within the application matches {@code template}
         * ({@code /api/posts/{id}}), for the "Path Name"; first match wins.
         */
        public Builder route(String template, String name) {
            settings.route(template, name);
            return this;
        }

        /** What names a route no template matched (default {@link RouteFallback#SERVLET_NAME}). */
        public Builder routeFallback(RouteFallback fallback) {
            settings.routeFallback(fallback);
            return this;
        }

        /** Targets {@code Target(type, id)} where {@code id} is the template's last variable, unless the handler set one. */
        public Builder target(String template, String type) {
            settings.target(template, type, null);
            return this;
        }

        /** Targets {@code Target(type, <idVariable>)} for paths matching {@code template}. */
        public Builder target(String template, String type, String idVariable) {
            settings.target(template, type, idVariable);
            return this;
        }

        /**
         * Builds the filter.
         *
         * @throws IllegalArgumentException if a template is invalid
         */
        public ActivityRecordingFilter build() {
            return new ActivityRecordingFilter(settings.build());
        }
    }
}
