package dev.auditsdk.examples.servlet;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Status;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the read API's filter parameters ({@code actor, action, status, targetType, targetId,
 * from, to, q, limit, cursor}) from a request.
 */
final class ActivityQueryParams {
    private ActivityQueryParams() {}

    /**
     * The query of {@code request}: its filters, page size (default {@value ActivityQuery#DEFAULT_LIMIT},
     * at most {@value ActivityQuery#MAX_LIMIT}) and cursor.
     *
     * @throws IllegalArgumentException when a value cannot be read (bad status, time or limit)
     */
    static ActivityQuery query(HttpServletRequest request) {
        List<ActionType> actions = new ArrayList<>();
        String[] values = request.getParameterValues("action");
        if (values != null) {
            for (String value : values) {
                if (!value.isBlank()) {
                    actions.add(ActionType.of(value.strip()));
                }
            }
        }
        return ActivityQuery.builder()
                .actor(request.getParameter("actor"))
                .actions(actions)
                .status(status(request.getParameter("status")))
                .targetType(request.getParameter("targetType"))
                .targetId(request.getParameter("targetId"))
                .from(instant("from", request.getParameter("from")))
                .to(instant("to", request.getParameter("to")))
                .text(request.getParameter("q"))
                .limit(limit(request.getParameter("limit")))
                .cursor(request.getParameter("cursor"))
                .build();
    }

    private static int limit(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ActivityQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a number from 1 to " + ActivityQuery.MAX_LIMIT, e);
        }
    }

    private static @Nullable Status status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be SUCCESS or FAILED, got '" + value + "'", e);
        }
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T09:00:00Z", e);
        }
    }
}
