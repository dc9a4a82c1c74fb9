package dev.auditsdk.examples.spring;

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
 * from, to, q}) from a request, so the export streams exactly what the viewer shows.
 */
final class ActivityQueryParams {
    private ActivityQueryParams() {}

    /**
     * The filters of {@code request} as a query builder (no limit, no cursor).
     *
     * @throws IllegalArgumentException when a value cannot be read (bad status or time)
     */
    static ActivityQuery.Builder filters(HttpServletRequest request) {
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
                .text(request.getParameter("q"));
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
