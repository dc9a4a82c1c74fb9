package dev.auditsdk;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to read from an {@link dev.auditsdk.spi.ActivityStore}: filters that all must match, a page
 * size and an optional keyset cursor. Results are always newest first ({@link ActivityLog#NEWEST_FIRST}).
 *
 * <p>Semantics every store follows: {@code actor}, {@code loginName}, {@code status},
 * {@code targetType}, {@code targetId}, {@code requestId}, {@code clientIp}, {@code source} and
 * {@code tenant} match exactly;
 * {@code actions} matches any of the given actions; {@code from} is inclusive and {@code to}
 * exclusive, both within {@link #MIN_TIME}..{@link #MAX_TIME}; {@code text} is a
 * case-insensitive substring of the remarks, with no wildcards of its own.
 *
 * @since 0.1
 */
public final class ActivityQuery {
    /** Page size when none is set. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page a store returns; larger limits are capped to it. */
    public static final int MAX_LIMIT = 1000;
    /**
     * The earliest time a query may name: the start of year 1 (UTC). Years 1 to 9999 are what every
     * supported database stores and ISO-8601 writes without a sign.
     */
    public static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest time a query may name: the last microsecond of year 9999 (UTC). */
    public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final @Nullable String actor;
    private final @Nullable String loginName;
    private final Set<ActionType> actions;
    private final @Nullable Status status;
    private final @Nullable String targetType;
    private final @Nullable String targetId;
    private final @Nullable String requestId;
    private final @Nullable String clientIp;
    private final @Nullable Source source;
    private final @Nullable String tenant;
    private final @Nullable Instant from;
    private final @Nullable Instant to;
    private final @Nullable String text;
    private final int limit;
    private final @Nullable String cursor;

    private ActivityQuery(Builder b) {
        this.actor = b.actor;
        this.loginName = b.loginName;
        this.actions = Set.copyOf(b.actions);
        this.status = b.status;
        this.targetType = b.targetType;
        this.targetId = b.targetId;
        this.requestId = b.requestId;
        this.clientIp = b.clientIp;
        this.source = b.source;
        this.tenant = b.tenant;
        this.from = b.from;
        this.to = b.to;
        this.text = b.text;
        this.limit = b.limit;
        this.cursor = b.cursor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The newest {@value #DEFAULT_LIMIT} records, unfiltered. */
    public static ActivityQuery latest() {
        return builder().build();
    }

    /** A builder with this query's values, e.g. to ask for the next page. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.actor = actor;
        b.loginName = loginName;
        b.actions = actions;
        b.status = status;
        b.targetType = targetType;
        b.targetId = targetId;
        b.requestId = requestId;
        b.clientIp = clientIp;
        b.source = source;
        b.tenant = tenant;
        b.from = from;
        b.to = to;
        b.text = text;
        b.limit = limit;
        b.cursor = cursor;
        return b;
    }

    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    /** The user name given at a login, logout or failed login ({@link ActivityLog#loginName()}). */
    public Optional<String> loginName() {
        return Optional.ofNullable(loginName);
    }

    /** The actions of which one must match; empty for any. */
    public Set<ActionType> actions() {
        return actions;
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> targetType() {
        return Optional.ofNullable(targetType);
    }

    public Optional<String> targetId() {
        return Optional.ofNullable(targetId);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The client address the record was made for, as recorded ({@link ActivityLog#clientIp()}). */
    public Optional<String> clientIp() {
        return Optional.ofNullable(clientIp);
    }

    /** Which capture made the record: HTTP, a login event or the application. */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** Inclusive lower bound on {@code occurredAt}. */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /** Exclusive upper bound on {@code occurredAt}. */
    public Optional<Instant> to() {
        return Optional.ofNullable(to);
    }

    /** Case-insensitive substring of the remarks. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** Page size, 1 to {@value #MAX_LIMIT}. */
    public int limit() {
        return limit;
    }

    /** The opaque cursor of the previous page ({@link ActivityPage#nextCursor()}). */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** Whether a record passes every filter of this query (the cursor and limit aside). */
    public boolean matches(ActivityLog log) {
        if (actor != null && !actor.equals(log.actor().orElse(null))) {
            return false;
        }
        if (loginName != null && !loginName.equals(log.loginName().orElse(null))) {
            return false;
        }
        if (!actions.isEmpty() && !actions.contains(log.action())) {
            return false;
        }
        if (status != null && status != log.status()) {
            return false;
        }
        Target target = log.target().orElse(null);
        if (targetType != null && (target == null || !targetType.equals(target.type()))) {
            return false;
        }
        if (targetId != null && (target == null || !targetId.equals(target.id()))) {
            return false;
        }
        if (requestId != null && !requestId.equals(log.requestId().orElse(null))) {
            return false;
        }
        if (clientIp != null && !clientIp.equals(log.clientIp().orElse(null))) {
            return false;
        }
        if (source != null && source != log.source()) {
            return false;
        }
        if (tenant != null && !tenant.equals(log.tenant().orElse(null))) {
            return false;
        }
        if (from != null && log.occurredAt().isBefore(from)) {
            return false;
        }
        if (to != null && !log.occurredAt().isBefore(to)) {
            return false;
        }
        if (text != null) {
            String remarks = log.remarks().orElse(null);
            return remarks != null
                    && remarks.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
        }
        return true;
    }

    @Override
    public String toString() {
        return "ActivityQuery{actor=" + actor + ", loginName=" + loginName + ", actions=" + actions + ", status="
                + status + ", target=" + targetType
                + "#" + targetId + ", requestId=" + requestId + ", clientIp=" + clientIp + ", source=" + source
                + ", tenant=" + tenant + ", from=" + from + ", to=" + to
                + ", text=" + text + ", limit=" + limit + ", cursor=" + cursor + "}";
    }

    /** Builds an {@link ActivityQuery}; blank strings count as "no filter". */
    public static final class Builder {
        private @Nullable String actor;
        private @Nullable String loginName;
        private Set<ActionType> actions = Set.of();
        private @Nullable Status status;
        private @Nullable String targetType;
        private @Nullable String targetId;
        private @Nullable String requestId;
        private @Nullable String clientIp;
        private @Nullable Source source;
        private @Nullable String tenant;
        private @Nullable Instant from;
        private @Nullable Instant to;
        private @Nullable String text;
        private int limit = DEFAULT_LIMIT;
        private @Nullable String cursor;

        private Builder() {}

        public Builder actor(@Nullable String actor) {
            this.actor = blankToNull(actor);
            return this;
        }

        /** Records whose {@link ActivityLog#loginName()} is exactly this, e.g. every failed login tried as one name. */
        public Builder loginName(@Nullable String loginName) {
            this.loginName = blankToNull(loginName);
            return this;
        }

        public Builder action(@Nullable ActionType action) {
            this.actions = action == null ? Set.of() : Set.of(action);
            return this;
        }

        public Builder actions(Collection<ActionType> actions) {
            this.actions = Set.copyOf(actions);
            return this;
        }

        public Builder status(@Nullable Status status) {
            this.status = status;
            return this;
        }

        public Builder targetType(@Nullable String targetType) {
            this.targetType = blankToNull(targetType);
            return this;
        }

        public Builder targetId(@Nullable String targetId) {
            this.targetId = blankToNull(targetId);
            return this;
        }

        /** Both target filters at once. */
        public Builder target(Target target) {
            return targetType(target.type()).targetId(target.id());
        }

        public Builder requestId(@Nullable String requestId) {
            this.requestId = blankToNull(requestId);
            return this;
        }

        /** Records made for this client address, matched exactly as stored. */
        public Builder clientIp(@Nullable String clientIp) {
            this.clientIp = blankToNull(clientIp);
            return this;
        }

        /** Records made by this capture. */
        public Builder source(@Nullable Source source) {
            this.source = source;
            return this;
        }

        public Builder tenant(@Nullable String tenant) {
            this.tenant = blankToNull(tenant);
            return this;
        }

        /**
         * Inclusive lower bound.
         *
         * @throws IllegalArgumentException if outside {@link #MIN_TIME}..{@link #MAX_TIME}
         */
        public Builder from(@Nullable Instant from) {
            this.from = inRange("from", from);
            return this;
        }

        /**
         * Exclusive upper bound.
         *
         * @throws IllegalArgumentException if outside {@link #MIN_TIME}..{@link #MAX_TIME}
         */
        public Builder to(@Nullable Instant to) {
            this.to = inRange("to", to);
            return this;
        }

        /** Case-insensitive substring of the remarks; {@code %} and {@code _} match themselves. */
        public Builder text(@Nullable String text) {
            this.text = blankToNull(text);
            return this;
        }

        /**
         * Page size; values above {@value #MAX_LIMIT} are capped to it.
         *
         * @throws IllegalArgumentException if {@code limit < 1}
         */
        public Builder limit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, got " + limit);
            }
            this.limit = Math.min(limit, MAX_LIMIT);
            return this;
        }

        /** The cursor of the previous page, or {@code null} for the first page. */
        public Builder cursor(@Nullable String cursor) {
            this.cursor = blankToNull(cursor);
            return this;
        }

        /**
         * Builds the query.
         *
         * @throws IllegalArgumentException if {@code from} is after {@code to}
         */
        public ActivityQuery build() {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
            }
            return new ActivityQuery(this);
        }

        private static @Nullable Instant inRange(String name, @Nullable Instant at) {
            if (at != null && (at.isBefore(MIN_TIME) || at.isAfter(MAX_TIME))) {
                throw new IllegalArgumentException(
                        name + " must be within " + MIN_TIME + " and " + MAX_TIME + ", got " + at);
            }
            return at;
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
