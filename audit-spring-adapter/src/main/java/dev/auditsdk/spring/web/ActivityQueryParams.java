package dev.auditsdk.spring.web;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Status;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the read API's query parameters into an {@link ActivityQuery}; every malformed value is an
 * {@link IllegalArgumentException} whose message names the parameter (the 400 response's message).
 */
final class ActivityQueryParams {
    private static final int MAX_TEXT = 255;

    private ActivityQueryParams() {}

    static ActivityQuery parse(Map<String, String[]> params) {
        ActivityQuery.Builder q = ActivityQuery.builder()
                .actor(text(params, "actor"))
                .targetType(text(params, "targetType"))
                .targetId(text(params, "targetId"))
                .requestId(text(params, "requestId"))
                .text(text(params, "q"))
                .actions(actions(params))
                .status(status(one(params, "status")))
                .from(instant("from", one(params, "from")))
                .to(instant("to", one(params, "to")))
                .cursor(text(params, "cursor"));
        String limit = one(params, "limit");
        if (limit != null) {
            q.limit(limit(limit));
        }
        return q.build();
    }

    /** The filters that were given, for the record of the read itself. */
    static Map<String, Object> describe(Map<String, String[]> params) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (String name : List.of(
                "actor", "action", "status", "targetType", "targetId", "requestId", "from", "to", "q", "limit")) {
            String[] values = params.get(name);
            if (values != null && values.length > 0) {
                given.put(name, values.length == 1 ? values[0] : List.of(values));
            }
        }
        return given;
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

    /** {@code action=Create&action=Delete} or {@code action=Create,Delete}; built-in names match case-insensitively. */
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
        for (ActionType known : List.of(
                ActionType.CREATE,
                ActionType.READ,
                ActionType.UPDATE,
                ActionType.DELETE,
                ActionType.LOGIN,
                ActionType.LOGOUT,
                ActionType.LOGIN_FAILED)) {
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

    /** An ISO-8601 instant ({@code 2026-01-31T10:00:00Z}), date-time with offset, or date (midnight UTC). */
    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' must be an ISO-8601 time such as "
                            + "2026-01-31T10:00:00Z or a date such as 2026-01-31, got '" + shorten(value) + "'",
                    e);
        }
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter 'limit' must be a whole number from 1 to " + ActivityQuery.MAX_LIMIT + ", got '"
                            + shorten(value) + "'",
                    e);
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
