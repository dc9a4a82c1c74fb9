// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityCount;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.spi.ActivityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The read API, framework-neutral: a {@link ReadRequest} in, a {@link ReadResponse} (status, content
 * type, headers, body) out. Each adapter only translates its request and response, so the Spring
 * controller and the servlet answer alike:
 *
 * <ul>
 *   <li>{@code GET <base>?actor=&loginName=&action=&status=&targetType=&targetId=&requestId=&clientIp=&source=&from=&to=&q=&limit=&cursor=}
 *       → {@code {"items":[…],"nextCursor":…}} ({@link ActivityQueryParameters}, {@link ActivityJsonWriter});
 *   <li>{@code GET <base>/count?…filters} → {@code {"count":N,"exact":true|false}}, exact up to
 *       {@link Builder#countBound}, "more than N" beyond;
 *   <li>{@code GET <base>/export?format=csv|jsonl&…filters} → every match, streamed ({@link ActivityExport});
 *   <li>{@code GET <base>/verify?from=} → the {@link ActivityVerifier}'s report over the trail (or
 *       the part since {@code from}), bounded in rows and time, one run at a time and at most
 *       {@link Builder#verificationsPerMinute} a minute (429 beyond);
 *   <li>{@code GET <base>/<id>} → one record.
 * </ul>
 *
 * Only callers in {@link #role()} may read: 401 without a user, 403 without the role. Bad
 * parameters answer 400 with {@code {"error":"bad_request","message":"…"}}. Every call is recorded
 * (action {@code Read}, {@code Export} or {@code Verify}, target type {@value #TARGET_TYPE}) through
 * the request's {@link ActivityContext}, or directly into the recorder when no capture is around.
 *
 * @since 0.1
 */
public final class ActivityReadHandler {
    /** The target type of the records of reads. */
    public static final String TARGET_TYPE = "ActivityLog";

    /** The action under which verifications are recorded. */
    public static final ActionType VERIFY = ActionType.of("Verify");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ActivityStore store;
    private final @Nullable ActivityRecorder recorder;
    private final String role;
    private final long countBound;
    private final long verifyMaxRows;
    private final Duration verifyTimeout;
    private final int verificationsPerMinute;
    private final UnaryOperator<ActivityVerifier.Builder> verifierSettings;
    private final Clock clock;
    private final Deque<Instant> verifications = new ArrayDeque<>();
    private boolean verifying;

    private ActivityReadHandler(Builder b) {
        this.store = b.store;
        this.recorder = b.recorder;
        this.role = b.role;
        this.countBound = b.countBound;
        this.verifyMaxRows = b.verifyMaxRows;
        this.verifyTimeout = b.verifyTimeout;
        this.verificationsPerMinute = b.verificationsPerMinute;
        this.verifierSettings = b.verifierSettings;
        this.clock = b.clock;
    }

    /** Starts a handler over {@code store}. */
    public static Builder builder(ActivityStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    /** The role a caller needs, without a {@code ROLE_} prefix (adapters check it). */
    public String role() {
        return role;
    }

    /** Answers one request; never throws for bad input. */
    public ReadResponse handle(ReadRequest request) {
        Objects.requireNonNull(request, "request");
        String route = request.route();
        ActivityContext context = ActivityContext.current();
        Target target = Target.of(TARGET_TYPE, isId(route) ? route : "*");
        ActionType action =
                route.equals("export") ? ActivityExport.ACTION : route.equals("verify") ? VERIFY : ActionType.READ;
        context.action(action).target(target);
        ReadResponse response = answer(request, route);
        if (!context.isAttached() && recorder != null) {
            // No capture around this request: record the read here, so that no read goes unrecorded.
            recorder.record(
                    action,
                    b -> b.actor(request.user())
                            .target(target)
                            .status(response.status() >= 400 ? Status.FAILED : Status.SUCCESS)
                            .source(Source.HTTP)
                            .httpMethod(request.httpMethod())
                            .httpPath(request.httpPath())
                            .httpStatus(response.status())
                            .data(Map.of("query", ActivityQueryParameters.describe(request.params()))));
        }
        return response;
    }

    private ReadResponse answer(ReadRequest request, String route) {
        if (request.user() == null) {
            return ReadResponse.error(401, "unauthorized", "reading activity requires an authenticated user");
        }
        if (!request.permitted()) {
            return ReadResponse.error(403, "forbidden", "reading activity requires the role " + role);
        }
        if (request.scope() == null) {
            return ReadResponse.error(403, "forbidden", "no tenant could be resolved for the caller");
        }
        ActivityContext.current().data("query", ActivityQueryParameters.describe(request.params()));
        try {
            return switch (route) {
                case "" -> list(request);
                case "count" -> count(request);
                case "export" -> export(request);
                case "verify" -> verify(request);
                default -> one(request, route);
            };
        } catch (IllegalArgumentException e) {
            return ReadResponse.error(400, "bad_request", Objects.requireNonNullElse(e.getMessage(), "bad request"));
        }
    }

    /**
     * The one place where a request becomes a query: every read path (listing, count, export,
     * verification) goes through here, so a restriction of what a caller may see belongs here
     * (the request is passed for that: it names the caller).
     */
    private ActivityQuery query(ReadRequest request, Map<String, String[]> params) {
        return scope(request).restrict(ActivityQueryParameters.parse(params));
    }

    /**
     * The store as the caller's {@link ReadScope} sees it: every read below goes through it, so a
     * record outside the scope can neither be listed, counted, exported, verified nor fetched by id.
     */
    private ActivityStore readable(ReadRequest request) {
        return scope(request).over(store);
    }

    private static ReadScope scope(ReadRequest request) {
        ReadScope scope = request.scope();
        if (scope == null) {
            throw new IllegalStateException("checked in answer(): a request without a scope is refused");
        }
        return scope;
    }

    /** The one place where a record is read by id, for the same reason as {@link #query}. */
    private Optional<ActivityLog> lookup(ReadRequest request, UUID id) {
        return readable(request).get(id);
    }

    private ReadResponse list(ReadRequest request) {
        ActivityPage page = readable(request).find(query(request, request.params()));
        ActivityContext.current().data("returned", page.items().size());
        return ReadResponse.json(200, ActivityJsonWriter.page(page));
    }

    private ReadResponse count(ReadRequest request) {
        ActivityCount count = readable(request).count(query(request, request.params()), countBound);
        ObjectNode body = JSON.createObjectNode().put("count", count.value()).put("exact", count.exact());
        return ReadResponse.json(200, body.toString());
    }

    private ReadResponse export(ReadRequest request) {
        ExportFormat format = ExportFormat.fromParameters(request.params());
        ActivityContext.current()
                .data("format", format.extension())
                .remarks("Activity export as " + format.extension().toUpperCase(Locale.ROOT));
        ActivityExport export = ActivityExport.start(scope(request), store, query(request, request.params()), format);
        String file = "activity-" + FILE_TIME.format(clock.instant()) + "." + format.extension();
        return ReadResponse.stream(
                format.mediaType(),
                Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""),
                export::writeTo);
    }

    private ReadResponse one(ReadRequest request, String id) {
        if (!isId(id)) {
            return ReadResponse.error(400, "bad_request", "the id must be a UUID");
        }
        UUID uuid = UUID.fromString(id);
        return lookup(request, uuid)
                .map(log -> ReadResponse.json(200, ActivityJsonWriter.item(log)))
                .orElseGet(() -> ReadResponse.error(404, "not_found", "no activity record with id " + uuid));
    }

    private ReadResponse verify(ReadRequest request) {
        // only the time window applies: a chain checked with other filters would be full of gaps
        Map<String, String[]> window = new LinkedHashMap<>();
        String[] from = request.params().get("from");
        if (from != null) {
            window.put("from", from);
        }
        ActivityQuery query = query(request, window);
        Optional<Long> retryAfter = startVerification();
        if (retryAfter.isPresent()) {
            return ReadResponse.json(
                    429,
                    ActivityJsonWriter.error(
                            "too_many_requests",
                            "a verification is running or ran " + verificationsPerMinute
                                    + " times in the last minute; try again later"),
                    Map.of("Retry-After", Long.toString(retryAfter.get())));
        }
        try {
            return ReadResponse.json(
                    200, runVerification(scope(request), query.from().orElse(null)));
        } finally {
            synchronized (verifications) {
                verifying = false;
            }
        }
    }

    private String runVerification(ReadScope scope, @Nullable Instant from) {
        Instant deadline = clock.instant().plus(verifyTimeout);
        String[] limitedBy = {null};
        // the scope walks the chains, other tenants' rows withheld from the report
        VerificationReport report = scope.verify(store, from, verifierSettings.apply(ActivityVerifier.builder()), n -> {
            if (n >= verifyMaxRows) {
                limitedBy[0] = "rows";
            } else if (n % 1000 == 0 && clock.instant().isAfter(deadline)) {
                limitedBy[0] = "time";
            }
            return limitedBy[0] == null;
        });
        ActivityContext.current()
                .data("verification", report.clean() ? "clean" : "tampered")
                .data("rowsChecked", report.rowsChecked());
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(report.toJson());
            body.put("complete", limitedBy[0] == null);
            body.put("limitedBy", limitedBy[0]);
            body.put("maxRows", verifyMaxRows);
            body.put("from", from == null ? null : from.toString());
            body.put("scope", scope.tenant().map(t -> "tenant").orElse("all tenants"));
            return body.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the verifier's report is not JSON", e);
        }
    }

    /** Claims the verification slot; the seconds to wait when none is free. */
    private Optional<Long> startVerification() {
        Instant now = clock.instant();
        synchronized (verifications) {
            while (!verifications.isEmpty() && !verifications.peekFirst().isAfter(now.minusSeconds(60))) {
                verifications.removeFirst();
            }
            if (verifying) {
                return Optional.of(1L);
            }
            if (verifications.size() >= verificationsPerMinute) {
                Instant oldest = Objects.requireNonNull(verifications.peekFirst());
                return Optional.of(Math.max(
                        1, Duration.between(now, oldest.plusSeconds(60)).toSeconds()));
            }
            verifications.addLast(now);
            verifying = true;
            return Optional.empty();
        }
    }

    private static boolean isId(String route) {
        try {
            UUID.fromString(route);
            return route.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Configures an {@link ActivityReadHandler}. */
    public static final class Builder {
        private final ActivityStore store;
        private @Nullable ActivityRecorder recorder;
        private String role = "AUDITOR";
        private long countBound = 10_000;
        private long verifyMaxRows = 1_000_000;
        private Duration verifyTimeout = Duration.ofSeconds(20);
        private int verificationsPerMinute = 6;
        private UnaryOperator<ActivityVerifier.Builder> verifierSettings = UnaryOperator.identity();
        private Clock clock = Clock.systemUTC();

        private Builder(ActivityStore store) {
            this.store = store;
        }

        /** Where reads are recorded when no capture (filter, interceptor) is around the request. */
        public Builder recorder(@Nullable ActivityRecorder recorder) {
            this.recorder = recorder;
            return this;
        }

        /**
         * The role a caller needs, without a {@code ROLE_} prefix; default {@code AUDITOR}.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder role(String role) {
            if (role.isBlank()) {
                throw new IllegalArgumentException("role must not be blank");
            }
            this.role = role;
            return this;
        }

        /**
         * Counts are exact up to this many records, "more than" beyond; default 10,000.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder countBound(long bound) {
            this.countBound = positive("countBound", bound);
            return this;
        }

        /**
         * A verification stops after this many rows and reports itself incomplete; default 1,000,000.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder verifyMaxRows(long rows) {
            this.verifyMaxRows = positive("verifyMaxRows", rows);
            return this;
        }

        /**
         * A verification stops after about this long and reports itself incomplete; default 20 s.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder verifyTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("verifyTimeout must be positive, got " + timeout);
            }
            this.verifyTimeout = timeout;
            return this;
        }

        /**
         * At most this many verifications start in any minute (one runs at a time); default 6.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder verificationsPerMinute(int count) {
            this.verificationsPerMinute = (int) positive("verificationsPerMinute", count);
            return this;
        }

        /** Settings for each verification's verifier, e.g. signed checkpoints. */
        public Builder verifier(UnaryOperator<ActivityVerifier.Builder> settings) {
            this.verifierSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The clock of export file names, the verification deadline and the rate limit. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the handler. */
        public ActivityReadHandler build() {
            return new ActivityReadHandler(this);
        }

        private static long positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
