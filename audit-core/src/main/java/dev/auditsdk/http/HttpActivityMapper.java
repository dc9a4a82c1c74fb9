// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a finished HTTP exchange into the {@link ActivityLog} the seed's mixin would have written,
 * correctly: action from the method, Failed for status ≥ 400 or an escaped exception (recorded as
 * 500), the actor resolved after authentication, anonymous requests skipped unless
 * {@code recordAnonymous}, the seed's remarks, trusted-proxy client IPs, request and trace ids, and
 * whatever the handler put into the {@link ActivityContext}. Both HTTP adapters use it: they call
 * {@link #openContext} when a request arrives and {@link #map} when its response is complete.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class HttpActivityMapper {
    /** The default request-id header. */
    public static final String DEFAULT_REQUEST_ID_HEADER = "X-Request-Id";

    private final boolean enabled;
    private final boolean recordAnonymous;
    private final ActionMapper actions;
    private final ActorResolver actors;
    private final RemarksFormatter remarks;
    private final ActivityFilter filter;
    private final TargetResolver targets;
    private final ClientIpResolver clientIps;
    private final @Nullable String requestIdHeader;
    private final Clock clock;
    private final Sanitizer sanitizer;
    private final TenantPolicy tenants;

    private HttpActivityMapper(Builder b) {
        this.enabled = b.enabled;
        this.recordAnonymous = b.recordAnonymous;
        this.actions = b.actions;
        this.actors = b.actors;
        this.remarks = b.remarks;
        this.filter = b.filter;
        this.targets = b.targets;
        this.clientIps = b.clientIps;
        this.requestIdHeader = b.requestIdHeader;
        this.clock = b.clock;
        this.sanitizer = b.sanitizer;
        this.tenants = b.tenants;
    }

    /** Starts configuring a mapper; every setting has the seed's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A mapper with every default. */
    public static HttpActivityMapper defaults() {
        return builder().build();
    }

    /** Whether recording is on (the seed's {@code TESTING} switch, inverted). Adapters pass requests through when off. */
    public boolean isEnabled() {
        return enabled;
    }

    /** The clock used for record times and generated ids. */
    public Clock clock() {
        return clock;
    }

    /** The sanitizer applied to untrusted values such as attempted user names. */
    public Sanitizer sanitizer() {
        return sanitizer;
    }

    /** The login, failed-login and logout helpers sharing this mapper's client-IP, request-id and clock settings. */
    public LoginActivities logins() {
        return new LoginActivities(this);
    }

    /**
     * False when this request will certainly not be recorded whatever happens to it: recording is
     * disabled, or a path or method exclusion ({@link ActivityFilters}) rejects it. Adapters check it
     * first and then pass the request through untouched, so excluded traffic (health checks, static
     * assets) costs nothing more.
     */
    public boolean mayRecord(HttpRequestView request) {
        return enabled && ActivityFilters.mayRecord(filter, request);
    }

    /**
     * Opens the {@link ActivityContext} of a request that just arrived: its request id (the
     * configured header when acceptable, else a new one), W3C trace id and client IP. Close the scope
     * when the request leaves the thread.
     */
    public ActivityContext.Scope openContext(HttpRequestView request) {
        ActivityContext.Scope scope = ActivityContext.open(
                requestId(request), traceId(request), clientIp(request).orElse(null));
        // what is known before authentication (a trusted header, the path); the rest in tenant()
        tenants.resolve(request).ifPresent(t -> scope.context().tenant(t));
        return scope;
    }

    /** The tenant policy: how requests' tenants are found and what happens without one. */
    public TenantPolicy tenants() {
        return tenants;
    }

    /**
     * The tenant of a request once its caller is authenticated: the context's, or else the policy's
     * resolver's answer, which is then set on the context so that every record made inside the request
     * carries it. Adapters call it when authentication has run and the handler has not, and refuse the
     * request when {@link TenantPolicy#rejects} says so.
     */
    public Optional<String> tenant(HttpRequestView request, ActivityContext context) {
        Optional<String> known = context.tenant();
        if (known.isPresent() || !tenants.enabled()) {
            return known;
        }
        Optional<String> resolved = tenants.resolve(request);
        resolved.ifPresent(context::tenant);
        return resolved;
    }

    /** The request id of this request: the configured header's value when acceptable, else a new one. */
    public String requestId(HttpRequestView request) {
        String incoming = requestIdHeader == null ? null : request.header(requestIdHeader);
        return RequestIds.acceptOrGenerate(incoming, clock.millis());
    }

    /** The client's IP address under the configured trust rules; always an IP literal. */
    public Optional<String> clientIp(HttpRequestView request) {
        return clientIps.resolve(request);
    }

    /**
     * The record of a finished exchange, or empty when it is not to be recorded: recording disabled,
     * skipped through the context, no action for the method, excluded by the filter, or anonymous
     * while {@code recordAnonymous} is off.
     *
     * @param context the request's context (from {@link #openContext}); a detached one is fine
     */
    public Optional<ActivityLog> map(HttpExchange exchange, ActivityContext context) {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(context, "context");
        if (!enabled || context.isSkipped()) {
            return Optional.empty();
        }
        @Nullable
        ActionType action = context.action().or(() -> actions.action(exchange)).orElse(null);
        if (action == null) {
            return Optional.empty();
        }
        if (!filter.test(exchange)) {
            return Optional.empty();
        }
        @Nullable
        String actor = actors.resolve(exchange).filter(a -> !a.isBlank()).orElse(null);
        if (actor == null && !recordAnonymous) {
            return Optional.empty();
        }
        @Nullable Throwable error = exchange.exception().orElse(null);
        int status = error != null ? 500 : exchange.status();
        HttpRequestView request = exchange.request();
        Instant at = request.startedAt().orElseGet(clock::instant);
        boolean attached = context.isAttached();
        Optional<String> tenant = tenant(request, context);
        ActivityLog.Builder b = ActivityLog.builder(action, clock)
                .occurredAt(at)
                .actor(actor)
                .tenant(tenant.orElse(null))
                .status(error != null || status >= 400 ? Status.FAILED : Status.SUCCESS)
                .remarks(remarksOf(exchange, context, actor, action))
                .target(context.target().or(() -> targets.resolve(exchange)).orElse(null))
                .clientIp(
                        attached
                                ? context.clientIp().orElse(null)
                                : clientIp(request).orElse(null))
                .userAgent(request.header("User-Agent"))
                .requestId(
                        attached && context.requestId().isPresent()
                                ? context.requestId().get()
                                : requestId(request))
                .traceId(attached ? context.traceId().orElse(null) : traceId(request))
                .httpMethod(request.method())
                .httpPath(request.path())
                .httpRoute(exchange.route().orElse(null))
                .httpStatus(status >= 100 && status <= 999 ? status : null)
                .source(Source.HTTP);
        if (exchange.durationNanos() >= 0) {
            b.durationMs(exchange.durationNanos() / 1_000_000);
        }
        Map<String, @Nullable Object> data = context.data();
        if (error != null) {
            data = new java.util.LinkedHashMap<>(data);
            // The class name only: exception messages may carry secrets or user input.
            data.putIfAbsent("exception", error.getClass().getName());
        }
        if (actor != null && tenants.marks(tenant)) {
            data = new java.util.LinkedHashMap<>(data);
            data.put(TenantPolicy.MISSING_MARK, true);
        }
        if (!data.isEmpty()) {
            b.data(data);
        }
        return Optional.of(b.build());
    }

    private String remarksOf(
            HttpExchange exchange, ActivityContext context, @Nullable String actor, ActionType action) {
        Optional<String> custom = context.remarks();
        return custom.isPresent() ? custom.get() : remarks.remarks(exchange, actor, action);
    }

    static @Nullable String traceId(HttpRequestView request) {
        return RequestIds.traceIdOrNull(request.header("traceparent"));
    }

    /** Configures an {@link HttpActivityMapper}. */
    public static final class Builder {
        private boolean enabled = true;
        private boolean recordAnonymous;
        private ActionMapper actions = ActionMapper.byMethod();
        private ActorResolver actors = ActorResolver.principal();
        private RemarksFormatter remarks = RemarksFormatter.seed();
        private ActivityFilter filter = ActivityFilter.all();
        private TargetResolver targets = TargetResolver.none();
        private TenantPolicy tenants = TenantPolicy.none();
        private ClientIpResolver clientIps = ClientIpResolver.peer();
        private @Nullable String requestIdHeader = DEFAULT_REQUEST_ID_HEADER;
        private Clock clock = Clock.systemUTC();
        private Sanitizer sanitizer = Sanitizer.defaults();

        private Builder() {}

        /** Turns recording on or off (default on); the seed's {@code TESTING} setting. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Whether requests without an actor are recorded (default false, the seed's rule). */
        public Builder recordAnonymous(boolean recordAnonymous) {
            this.recordAnonymous = recordAnonymous;
            return this;
        }

        /** Replaces the method → action mapping (default {@link ActionMapper#byMethod()}). */
        public Builder actions(ActionMapper actions) {
            this.actions = Objects.requireNonNull(actions, "actions");
            return this;
        }

        /** Replaces how the actor is found (default {@link ActorResolver#principal()}). */
        public Builder actors(ActorResolver actors) {
            this.actors = Objects.requireNonNull(actors, "actors");
            return this;
        }

        /** Replaces the default remarks (default {@link RemarksFormatter#seed()}). */
        public Builder remarks(RemarksFormatter remarks) {
            this.remarks = Objects.requireNonNull(remarks, "remarks");
            return this;
        }

        /** Shorthand for {@code remarks(RemarksFormatter.template(template))}. */
        public Builder remarksTemplate(String template) {
            return remarks(RemarksFormatter.template(template));
        }

        /** Which exchanges are recorded (default all); see {@link ActivityFilters}. Repeated calls combine with {@code and}. */
        public Builder filter(ActivityFilter filter) {
            this.filter = this.filter.and(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** How targets are found when the handler names none (default none); chain several with {@link TargetResolver#orElse}. */
        public Builder targets(TargetResolver targets) {
            this.targets = Objects.requireNonNull(targets, "targets");
            return this;
        }

        /** Believes forwarding headers from these proxies only; shorthand for {@code clientIps(ClientIpResolver.trusting(proxies))}. */
        public Builder trustedProxies(TrustedProxies proxies) {
            return clientIps(ClientIpResolver.trusting(proxies));
        }

        /** Replaces how the client IP is found (default: the socket peer, no forwarding headers believed). */
        public Builder clientIps(ClientIpResolver clientIps) {
            this.clientIps = Objects.requireNonNull(clientIps, "clientIps");
            return this;
        }

        /** The header carrying an incoming request id (default {@code X-Request-Id}); null to always generate. */
        public Builder requestIdHeader(@Nullable String header) {
            this.requestIdHeader = header == null || header.isBlank() ? null : header.strip();
            return this;
        }

        /** The clock for record times and generated request ids (default the UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Cleans untrusted values the mapper itself puts into records (default {@link Sanitizer#defaults()}). */
        public Builder sanitizer(Sanitizer sanitizer) {
            this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
            return this;
        }

        /** How requests' tenants are found and what happens without one (default: no tenants). */
        public Builder tenants(TenantPolicy tenants) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
            return this;
        }

        /** Builds the immutable mapper. */
        public HttpActivityMapper build() {
            return new HttpActivityMapper(this);
        }
    }
}
