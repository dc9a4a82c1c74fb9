package dev.auditsdk.read;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The read API's query parameters ({@code actor, loginName, action, status, targetType, targetId,
 * requestId, tenant, clientIp, source, from, to, q, limit, cursor}) as an {@link ActivityQuery}, with the same rules on every surface.
 *
 * <ul>
 *   <li>{@code action} may be repeated or comma-separated; the built-in names match in any case and
 *       with {@code _} for the space ({@code login failed}, {@code LOGIN_FAILED}); other names are
 *       custom action types, matched exactly.
 *   <li>{@code loginName} is the user name given at a login, logout or failed login, matched
 *       exactly: it finds failed logins, which have no actor.
 *   <li>{@code tenant} is matched exactly; a surface applies the caller's {@link ReadScope} to the
 *       parsed query, which replaces it for a caller who may read one tenant only.
 *   <li>{@code status} is {@code SUCCESS} or {@code FAILED} in any case.
 *   <li>{@code source} is {@code http}, {@code auth} or {@code app} in any case.
 *   <li>{@code clientIp} matches the recorded address exactly.
 *   <li>{@code from} (inclusive) and {@code to} (exclusive) are an ISO-8601 instant or date-time with
 *       offset or zone ({@code 2026-01-31T10:00:00Z}, {@code 2026-01-31T11:00:00+01:00}), a local
 *       date-time taken as UTC ({@code 2026-01-31T10:00}) or a date meaning its midnight UTC
 *       ({@code 2026-01-31}).
 *   <li>{@code limit} is a whole number of at least 1; larger values than
 *       {@value ActivityQuery#MAX_LIMIT} are capped to it.
 *   <li>Every other parameter is given at most once; blank values count as absent; text values
 *       are at most {@value #MAX_TEXT} characters.
 * </ul>
 *
 * Unknown parameters are ignored, so a surface may add its own (such as an export's {@code format}).
 *
 * @since 0.1
 */
public final class ActivityQueryParameters {
    /** The longest text value a parameter may have. */
    public static final int MAX_TEXT = 255;

    private static final List<String> NAMES = List.of(
            "actor",
            "loginName",
            "action",
            "status",
            "targetType",
            "targetId",
            "requestId",
            "tenant",
            "clientIp",
            "source",
            "from",
            "to",
            "q",
            "limit",
            "cursor");
    private static final List<ActionType> BUILT_IN = List.of(
            ActionType.CREATE,
            ActionType.READ,
            ActionType.UPDATE,
            ActionType.DELETE,
            ActionType.LOGIN,
            ActionType.LOGOUT,
            ActionType.LOGIN_FAILED);

    private ActivityQueryParameters() {}

    /**
     * The query the parameters ask for.
     *
     * @param params every parameter's values, as {@code ServletRequest.getParameterMap()} gives them
     * @throws IllegalArgumentException if a value is malformed, out of range or repeated where only one
     *     is allowed; the message names the parameter and is fit for a 400 response
     */
    public static ActivityQuery parse(Map<String, String[]> params) {
        Objects.requireNonNull(params, "params");
        ActivityQuery.Builder q = ActivityQuery.builder();
        set("actor", q::actor, text(params, "actor"));
        set("loginName", q::loginName, text(params, "loginName"));
        set("targetType", q::targetType, text(params, "targetType"));
        set("targetId", q::targetId, text(params, "targetId"));
        set("requestId", q::requestId, text(params, "requestId"));
        set("tenant", q::tenant, text(params, "tenant"));
        set("clientIp", q::clientIp, text(params, "clientIp"));
        set("source", q::source, source(one(params, "source")));
        set("q", q::text, text(params, "q"));
        set("action", q::actions, actions(params));
        set("status", q::status, status(one(params, "status")));
        set("from", q::from, instant("from", one(params, "from")));
        set("to", q::to, instant("to", one(params, "to")));
        set("cursor", q::cursor, text(params, "cursor"));
        String limit = one(params, "limit");
        if (limit != null) {
            set("limit", q::limit, limit(limit));
        }
        try {
            return q.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad query parameters: " + e.getMessage(), e);
        }
    }

    /**
     * The read API's parameters that were given, each as its one value or a list of its values, in
     * a fixed order: what a record of the read itself keeps of the request.
     */
    public static Map<String, Object> describe(Map<String, String[]> params) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (String name : NAMES) {
            String[] values = params.get(name);
            if (values != null && values.length > 0 && !name.equals("cursor")) {
                given.put(name, values.length == 1 ? values[0] : List.of(values));
            }
        }
        return given;
    }

    /** Applies a value to the builder, naming the parameter when the builder refuses it. */
    private static <T> void set(String name, Consumer<T> setter, @Nullable T value) {
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    private static @Nullable String one(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new IllegalArgumentException("parameter '" + name + "' was given more than once");
        }
        String v = values[0].strip();
        return v.isEmpty() ? null : v;
    }

    private static @Nullable String text(Map<String, String[]> params, String name) {
        String v = one(params, name);
        if (v != null && v.length() > MAX_TEXT) {
            throw new IllegalArgumentException("parameter '" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return v;
    }

    private static List<ActionType> actions(Map<String, String[]> params) {
        String[] values = params.get("action");
        List<ActionType> actions = new ArrayList<>();
        if (values == null) {
            return actions;
        }
        for (String value : values) {
            for (String name : value.split(",", -1)) {
                if (!name.isBlank()) {
                    actions.add(action(name.strip()));
                }
            }
        }
        return actions;
    }

    private static ActionType action(String name) {
        for (ActionType known : BUILT_IN) {
            if (known.name().equalsIgnoreCase(name)
                    || known.name().replace(' ', '_').equalsIgnoreCase(name)) {
                return known;
            }
        }
        try {
            return ActionType.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'action': " + e.getMessage(), e);
        }
    }

    private static @Nullable Status status(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (Status s : Status.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "parameter 'status' must be SUCCESS or FAILED, got '" + shorten(value) + "'");
    }

    private static @Nullable Source source(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (Source s : Source.values()) {
            if (s.wireName().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "parameter 'source' must be http, auth or app, got '" + shorten(value) + "'");
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            TemporalAccessor t = value.indexOf('T') < 0 && value.indexOf('t') < 0
                    ? DateTimeFormatter.ISO_LOCAL_DATE.parse(value)
                    : DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
            if (t instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (t instanceof LocalDateTime local) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return LocalDate.from(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' must be an ISO-8601 time such as 2026-01-31T10:00:00Z, "
                            + "2026-01-31T11:00:00+01:00, 2026-01-31T10:00 (UTC) or a date such as 2026-01-31, got '"
                            + shorten(value) + "'",
                    e);
        }
    }

    private static int limit(String value) {
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1) {
            throw new IllegalArgumentException("parameter 'limit' must be a whole number from 1 to "
                    + ActivityQuery.MAX_LIMIT + ", got '" + shorten(value) + "'");
        }
        return Math.min(limit, ActivityQuery.MAX_LIMIT);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
