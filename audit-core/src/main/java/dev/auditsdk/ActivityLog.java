package dev.auditsdk;

import dev.auditsdk.internal.util.JsonShape;
import dev.auditsdk.internal.util.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One immutable activity record: who did what, to which object, when, from where, and whether it
 * worked. Build one with {@link #builder(ActionType)}; pass it to {@link ActivityRecorder#record}.
 *
 * <p>Times are kept at microsecond precision so that every store returns exactly what was written.
 * {@link #data()} is a JSON-shaped, unmodifiable tree (maps with string keys, lists, strings,
 * numbers, booleans and nulls). Size limits, control-character escaping and secret masking are
 * applied by the recorder's {@link Sanitizer}.
 *
 * @since 0.1
 */
public final class ActivityLog {
    /**
     * The version of the record format written by this release (the {@code schema_version} column):
     * 1 for the first format, 2 since {@link #loginName()} was added, 3 since {@link #instance()} was added.
     */
    public static final int CURRENT_SCHEMA_VERSION = 3;

    /** Newest first: by {@code occurredAt} descending, then by id descending (unsigned, as databases order UUIDs). */
    public static final Comparator<ActivityLog> NEWEST_FIRST = Comparator.comparing(ActivityLog::occurredAt)
            .thenComparing(ActivityLog::id, ActivityLog::compareIds)
            .reversed();

    final UUID id;
    final Instant occurredAt;
    final @Nullable String actor;
    final @Nullable String actorName;
    final @Nullable String tenant;
    final @Nullable String loginName;
    final @Nullable String instance;
    final ActionType action;
    final Status status;
    final @Nullable String remarks;
    final @Nullable Target target;
    final @Nullable String clientIp;
    final @Nullable String userAgent;
    final @Nullable String requestId;
    final @Nullable String traceId;
    final @Nullable String httpMethod;
    final @Nullable String httpPath;
    final @Nullable String httpRoute;
    final @Nullable Integer httpStatus;
    final @Nullable Long durationMs;
    final Map<String, @Nullable Object> data;
    final Source source;
    final int schemaVersion;
    final @Nullable Integrity integrity;

    private ActivityLog(Builder b, UUID id, Instant occurredAt, Map<String, @Nullable Object> data) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = b.actor;
        this.actorName = b.actorName;
        this.tenant = b.tenant;
        this.loginName = b.loginName;
        this.instance = b.instance;
        this.action = b.action;
        this.status = b.status;
        this.remarks = b.remarks;
        this.target = b.target;
        this.clientIp = b.clientIp;
        this.userAgent = b.userAgent;
        this.requestId = b.requestId;
        this.traceId = b.traceId;
        this.httpMethod = b.httpMethod;
        this.httpPath = b.httpPath;
        this.httpRoute = b.httpRoute;
        this.httpStatus = b.httpStatus;
        this.durationMs = b.durationMs;
        this.data = data;
        this.source = b.source;
        this.schemaVersion = b.schemaVersion;
        this.integrity = b.integrity;
    }

    /** Starts a record of this action, with the system UTC clock for its time and id. */
    public static Builder builder(ActionType action) {
        return new Builder(action, Clock.systemUTC());
    }

    /** Starts a record of this action whose time and id come from {@code clock} unless set explicitly. */
    public static Builder builder(ActionType action, Clock clock) {
        return new Builder(action, clock);
    }

    /** A builder holding every value of this record, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(action, Clock.systemUTC());
        b.id = id;
        b.occurredAt = occurredAt;
        b.actor = actor;
        b.actorName = actorName;
        b.tenant = tenant;
        b.loginName = loginName;
        b.instance = instance;
        b.status = status;
        b.remarks = remarks;
        b.target = target;
        b.clientIp = clientIp;
        b.userAgent = userAgent;
        b.requestId = requestId;
        b.traceId = traceId;
        b.httpMethod = httpMethod;
        b.httpPath = httpPath;
        b.httpRoute = httpRoute;
        b.httpStatus = httpStatus;
        b.durationMs = durationMs;
        b.data = data;
        b.dataIsShaped = true;
        b.source = source;
        b.schemaVersion = schemaVersion;
        b.integrity = integrity;
        return b;
    }

    /** The record's id: a UUID version 7, so ids sort by time; the idempotency key of every store. */
    public UUID id() {
        return id;
    }

    /** When the action happened, UTC, microsecond precision. */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** The principal's id; empty for an anonymous action (a blank id given to the builder counts as none). */
    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    /** The principal's display name at the time. */
    public Optional<String> actorName() {
        return Optional.ofNullable(actorName);
    }

    /** The tenant, for multi-tenant applications. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * The user name given at a login, logout or failed login, as typed (cleaned by the sanitizer):
     * untrusted input, never an authenticated identity (that is {@link #actor()}, empty for a failed
     * login). Empty for other records.
     */
    public Optional<String> loginName() {
        return Optional.ofNullable(loginName);
    }

    /**
     * The label of the application instance that recorded it (host, pod, process), as configured on
     * the recorder. Only a label: a trail is told apart by its chains, one per recorder start, so two
     * processes with the same label still keep separate chains. Empty when none was configured.
     */
    public Optional<String> instance() {
        return Optional.ofNullable(instance);
    }

    public ActionType action() {
        return action;
    }

    public Status status() {
        return status;
    }

    public Optional<String> remarks() {
        return Optional.ofNullable(remarks);
    }

    /** The object acted on. */
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    public Optional<String> clientIp() {
        return Optional.ofNullable(clientIp);
    }

    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** The correlation id shared by every record of one request. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The W3C trace id, when the request carried a {@code traceparent}. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    public Optional<String> httpMethod() {
        return Optional.ofNullable(httpMethod);
    }

    public Optional<String> httpPath() {
        return Optional.ofNullable(httpPath);
    }

    /** The route template or handler name: the seed's "Path Name". */
    public Optional<String> httpRoute() {
        return Optional.ofNullable(httpRoute);
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    public Optional<Long> durationMs() {
        return Optional.ofNullable(durationMs);
    }

    /** Extra data: an unmodifiable JSON-shaped tree, empty when none was given. */
    public Map<String, @Nullable Object> data() {
        return data;
    }

    public Source source() {
        return source;
    }

    /** The record format version this record was written with. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The hash-chain values, present once the recorder's writer has chained the record. */
    public Optional<Integrity> integrity() {
        return Optional.ofNullable(integrity);
    }

    /** Compares UUIDs as unsigned 128-bit numbers, which is how databases order them. */
    public static int compareIds(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ActivityLog l)) {
            return false;
        }
        return schemaVersion == l.schemaVersion
                && id.equals(l.id)
                && occurredAt.equals(l.occurredAt)
                && Objects.equals(actor, l.actor)
                && Objects.equals(actorName, l.actorName)
                && Objects.equals(tenant, l.tenant)
                && Objects.equals(loginName, l.loginName)
                && Objects.equals(instance, l.instance)
                && action.equals(l.action)
                && status == l.status
                && Objects.equals(remarks, l.remarks)
                && Objects.equals(target, l.target)
                && Objects.equals(clientIp, l.clientIp)
                && Objects.equals(userAgent, l.userAgent)
                && Objects.equals(requestId, l.requestId)
                && Objects.equals(traceId, l.traceId)
                && Objects.equals(httpMethod, l.httpMethod)
                && Objects.equals(httpPath, l.httpPath)
                && Objects.equals(httpRoute, l.httpRoute)
                && Objects.equals(httpStatus, l.httpStatus)
                && Objects.equals(durationMs, l.durationMs)
                && data.equals(l.data)
                && source == l.source
                && Objects.equals(integrity, l.integrity);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ActivityLog{" + id + " " + occurredAt + " actor=" + actor + " action=" + action + " status=" + status
                + (target == null ? "" : " target=" + target) + "}";
    }

    /**
     * The hash-chain columns of a record (see the integrity documentation of the recorder).
     *
     * @param chainId one chain per recorder instance
     * @param seq position in the chain, starting at 1
     * @param prevHash hex SHA-256 of the previous record in the chain, or empty for the first
     * @param hash hex SHA-256 of this record's canonical bytes followed by {@code prevHash}
     */
    public record Integrity(String chainId, long seq, String prevHash, String hash) {
        public Integrity {
            Objects.requireNonNull(chainId, "chainId");
            Objects.requireNonNull(prevHash, "prevHash");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /** Builds an {@link ActivityLog}; not thread-safe. */
    public static final class Builder {
        private final Clock clock;
        private ActionType action;
        private @Nullable UUID id;
        private @Nullable Instant occurredAt;
        private @Nullable String actor;
        private @Nullable String actorName;
        private @Nullable String tenant;
        private @Nullable String loginName;
        private @Nullable String instance;
        private Status status = Status.SUCCESS;
        private @Nullable String remarks;
        private @Nullable Target target;
        private @Nullable String clientIp;
        private @Nullable String userAgent;
        private @Nullable String requestId;
        private @Nullable String traceId;
        private @Nullable String httpMethod;
        private @Nullable String httpPath;
        private @Nullable String httpRoute;
        private @Nullable Integer httpStatus;
        private @Nullable Long durationMs;
        private Map<String, ? extends @Nullable Object> data = Map.of();
        private boolean dataIsShaped = true;
        private Source source = Source.APP;
        private int schemaVersion = CURRENT_SCHEMA_VERSION;
        private @Nullable Integrity integrity;

        private Builder(ActionType action, Clock clock) {
            this.action = Objects.requireNonNull(action, "action");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Sets the id; by default a new UUID v7 is made from the clock at {@link #build()}. */
        public Builder id(UUID id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Sets the time; by default the clock's instant at {@link #build()}. Truncated to microseconds. */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
            return this;
        }

        public Builder action(ActionType action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * The principal's id; {@code null} for anonymous. An empty or blank id (only whitespace)
         * names nobody and is kept as {@code null} too, so it can never pass for a user.
         */
        public Builder actor(@Nullable String actor) {
            this.actor = blankToNull(actor);
            return this;
        }

        /** The principal's display name; {@code null}, empty or blank (only whitespace) for none. */
        public Builder actorName(@Nullable String actorName) {
            this.actorName = blankToNull(actorName);
            return this;
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s;
        }

        public Builder tenant(@Nullable String tenant) {
            this.tenant = tenant;
            return this;
        }

        /**
         * The user name given at a login, logout or failed login, as typed; {@code null} for none.
         * Never an authenticated identity: that is {@link #actor(String)}.
         */
        public Builder loginName(@Nullable String loginName) {
            this.loginName = loginName;
            return this;
        }

        /** The label of the application instance recording it; {@code null} for none. */
        public Builder instance(@Nullable String instance) {
            this.instance = instance;
            return this;
        }

        public Builder status(Status status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Marks the record {@link Status#FAILED} when {@code failed} is true, {@link Status#SUCCESS} otherwise. */
        public Builder failed(boolean failed) {
            return status(failed ? Status.FAILED : Status.SUCCESS);
        }

        public Builder remarks(@Nullable String remarks) {
            this.remarks = remarks;
            return this;
        }

        public Builder target(@Nullable Target target) {
            this.target = target;
            return this;
        }

        /** Shorthand for {@code target(Target.of(type, id))}. */
        public Builder target(String type, Object id) {
            return target(Target.of(type, id));
        }

        public Builder clientIp(@Nullable String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        public Builder userAgent(@Nullable String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder requestId(@Nullable String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder traceId(@Nullable String traceId) {
            this.traceId = traceId;
            return this;
        }

        public Builder httpMethod(@Nullable String httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        public Builder httpPath(@Nullable String httpPath) {
            this.httpPath = httpPath;
            return this;
        }

        public Builder httpRoute(@Nullable String httpRoute) {
            this.httpRoute = httpRoute;
            return this;
        }

        public Builder httpStatus(@Nullable Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        public Builder durationMs(@Nullable Long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /**
         * Sets the extra data, copied into a JSON-shaped tree at {@link #build()}. The conversion is
         * fixed, so the recorded shape never depends on the libraries on the application's
         * classpath:
         *
         * <ul>
         *   <li>maps (keys as strings), collections and arrays: objects and arrays, in iteration order;
         *   <li>strings, booleans, {@code null}; {@code int}, {@code long}, {@code double},
         *       {@code BigInteger}, {@code BigDecimal} as they are; {@code byte}, {@code short} as ints;
         *       {@code float} as its decimal text's value; NaN and infinities as strings;
         *   <li>{@code java.time} values ({@code Instant}, {@code LocalDate}, {@code OffsetDateTime},
         *       {@code Duration}, {@code Period}, {@code ZoneId}, …): their ISO-8601 {@code toString()},
         *       e.g. {@code "2024-05-01T10:15:30Z"}, {@code "PT1.5S"}; {@code java.util.Date}: its
         *       instant the same way;
         *   <li>{@code Optional}, {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}: the
         *       value, or {@code null} when empty;
         *   <li>enums, {@code UUID}, {@code Character}: their {@code toString()};
         *   <li>anything else (records, beans, {@code URI}, …): converted by a plain Jackson 2 mapper
         *       that registers no modules (records by component, beans by getter), then shaped as above.
         * </ul>
         */
        public Builder data(Map<String, ? extends @Nullable Object> data) {
            this.data = Objects.requireNonNull(data, "data");
            this.dataIsShaped = false;
            return this;
        }

        public Builder source(Source source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** For stores reading old rows back; new records keep {@link #CURRENT_SCHEMA_VERSION}. */
        public Builder schemaVersion(int schemaVersion) {
            if (schemaVersion < 1) {
                throw new IllegalArgumentException("schemaVersion must be >= 1, got " + schemaVersion);
            }
            this.schemaVersion = schemaVersion;
            return this;
        }

        /** Set by the recorder's writer and by stores reading rows back. */
        public Builder integrity(@Nullable Integrity integrity) {
            this.integrity = integrity;
            return this;
        }

        /**
         * Builds the record.
         *
         * @throws IllegalArgumentException if the data holds a value that is not JSON-shaped and
         *     cannot be converted, a non-string map key, or an HTTP status outside 100..999
         */
        public ActivityLog build() {
            if (httpStatus != null && (httpStatus < 100 || httpStatus > 999)) {
                throw new IllegalArgumentException("httpStatus must be within 100..999, got " + httpStatus);
            }
            if (durationMs != null && durationMs < 0) {
                throw new IllegalArgumentException("durationMs must not be negative, got " + durationMs);
            }
            Instant at = (occurredAt != null ? occurredAt : clock.instant()).truncatedTo(ChronoUnit.MICROS);
            UUID theId = id != null ? id : UuidV7.next(at.toEpochMilli());
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> shaped =
                    dataIsShaped ? (Map<String, @Nullable Object>) data : JsonShape.copyObject(data);
            return new ActivityLog(this, theId, at, shaped);
        }
    }
}
