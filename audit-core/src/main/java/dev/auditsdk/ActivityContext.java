// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The per-request holder a handler may enrich while a request is handled: the target, remarks,
 * extra data and action of the record the HTTP adapter writes when the response is complete, or
 * a request to skip it. Adapters open one per request; handler code reaches it through
 * {@link #current()}:
 *
 * <pre>{@code ActivityContext.current().target("Post", post.id()).remarks("published " + post.title());}</pre>
 *
 * <p>Outside a request {@link #current()} returns a detached context whose changes go nowhere, so
 * handler code never needs a null check. Records made with {@link ActivityRecorder} on a thread
 * with an open context inherit its request id, trace id, client IP and tenant.
 *
 * @since 0.1
 */
public final class ActivityContext {
    private static final ThreadLocal<@Nullable ActivityContext> CURRENT = new ThreadLocal<>();

    private final boolean attached;
    private final @Nullable String requestId;
    private final @Nullable String traceId;
    private final @Nullable String clientIp;
    private volatile @Nullable String tenant;
    private volatile @Nullable Target target;
    private volatile @Nullable String remarks;
    private volatile @Nullable ActionType action;
    private volatile boolean skip;
    private final Map<String, @Nullable Object> data = Collections.synchronizedMap(new LinkedHashMap<>());

    private ActivityContext(
            boolean attached, @Nullable String requestId, @Nullable String traceId, @Nullable String clientIp) {
        this.attached = attached;
        this.requestId = requestId;
        this.traceId = traceId;
        this.clientIp = clientIp;
    }

    /**
     * Creates a context for one request and makes it current on this thread until the returned
     * scope is closed. For adapters.
     */
    public static Scope open(@Nullable String requestId, @Nullable String traceId, @Nullable String clientIp) {
        return new ActivityContext(true, requestId, traceId, clientIp).attach();
    }

    /** The context of the request being handled on this thread, or a detached one that records nothing. */
    public static ActivityContext current() {
        ActivityContext c = CURRENT.get();
        return c != null ? c : new ActivityContext(false, null, null, null);
    }

    /**
     * The record with the request id, trace id, client IP and tenant it lacks taken from this
     * thread's open context; the record itself when there is none or nothing is missing. The
     * recorder applies it on the caller's thread (the builder hands it to the pipeline), so it
     * reads fields rather than allocating Optionals.
     */
    static ActivityLog inherit(ActivityLog log) {
        ActivityContext context = CURRENT.get();
        if (context == null || !needsContext(log, context)) {
            return log;
        }
        return log.toBuilder()
                .requestId(log.requestId().orElse(context.requestId))
                .traceId(log.traceId().orElse(context.traceId))
                .clientIp(log.clientIp().orElse(context.clientIp))
                .tenant(log.tenant().orElse(context.tenant))
                .build();
    }

    private static boolean needsContext(ActivityLog log, ActivityContext c) {
        return (log.requestId == null && c.requestId != null)
                || (log.traceId == null && c.traceId != null)
                || (log.clientIp == null && c.clientIp != null)
                || (log.tenant == null && c.tenant != null);
    }

    /** The open context of this thread, if any. */
    public static Optional<ActivityContext> active() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Makes this context current on the calling thread (e.g. an async continuation) until the scope
     * is closed, which restores what was current before.
     */
    public Scope attach() {
        ActivityContext previous = CURRENT.get();
        CURRENT.set(this);
        return new Scope(this, previous);
    }

    /** Whether this context belongs to a request (false for the detached one outside requests). */
    public boolean isAttached() {
        return attached;
    }

    /** Sets the object the request acted on. */
    public ActivityContext target(@Nullable Target target) {
        this.target = target;
        return this;
    }

    /** Shorthand for {@code target(Target.of(type, id))}. */
    public ActivityContext target(String type, Object id) {
        return target(Target.of(type, id));
    }

    /** Replaces the default remarks of this request's record. */
    public ActivityContext remarks(@Nullable String remarks) {
        this.remarks = remarks;
        return this;
    }

    /** Adds one entry of extra data (JSON-shaped; secrets are masked by the recorder). */
    public ActivityContext data(String key, @Nullable Object value) {
        data.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** Overrides the action derived from the HTTP method. */
    public ActivityContext action(@Nullable ActionType action) {
        this.action = action;
        return this;
    }

    /** Sets the tenant of this request's records. */
    public ActivityContext tenant(@Nullable String tenant) {
        this.tenant = tenant;
        return this;
    }

    /** Asks the adapter not to record this request. */
    public ActivityContext skip() {
        this.skip = true;
        return this;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    public Optional<String> clientIp() {
        return Optional.ofNullable(clientIp);
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    public Optional<String> remarks() {
        return Optional.ofNullable(remarks);
    }

    public Optional<ActionType> action() {
        return Optional.ofNullable(action);
    }

    public boolean isSkipped() {
        return skip;
    }

    /** A snapshot of the extra data added so far. */
    public Map<String, @Nullable Object> data() {
        synchronized (data) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }

    /** Ends a context's attachment to a thread. */
    public static final class Scope implements AutoCloseable {
        private final ActivityContext context;
        private final @Nullable ActivityContext previous;

        private Scope(ActivityContext context, @Nullable ActivityContext previous) {
            this.context = context;
            this.previous = previous;
        }

        /** The context this scope made current. */
        public ActivityContext context() {
            return context;
        }

        /** Restores the context that was current before. */
        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
