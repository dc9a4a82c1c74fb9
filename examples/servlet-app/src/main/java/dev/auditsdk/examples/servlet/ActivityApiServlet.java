package dev.auditsdk.examples.servlet;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.Target;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A small read API over the Jdbi store, in the shape of the Spring adapter's:
 * {@code GET /api/activity?actor=&action=&status=&targetType=&targetId=&from=&to=&q=&limit=&cursor=}
 * → {@code {"items":[…], "nextCursor": "…" | null}}, newest first, and {@code GET /api/activity/{id}}.
 * Auditors only (see {@link AuthorizationFilter}).
 */
final class ActivityApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ActivityStore store;

    ActivityApiServlet(ActivityStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (info != null && info.length() > 1) {
            Optional<ActivityLog> log = parseId(info.substring(1)).flatMap(store::get);
            if (log.isPresent()) {
                Json.write(response, 200, item(log.get()));
            } else {
                Json.error(response, 404, "no such record");
            }
            return;
        }
        ActivityPage page;
        try {
            page = store.find(ActivityQueryParams.query(request));
        } catch (IllegalArgumentException e) {
            Json.error(response, 400, String.valueOf(e.getMessage()));
            return;
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(ActivityApiServlet::item).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        Json.write(response, 200, body);
    }

    /** One record in the read API's field names; absent values are left out. */
    static Map<String, Object> item(ActivityLog log) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", log.id().toString());
        m.put("occurredAt", log.occurredAt().toString());
        log.actor().ifPresent(v -> m.put("actor", v));
        log.actorName().ifPresent(v -> m.put("actorName", v));
        log.tenant().ifPresent(v -> m.put("tenant", v));
        m.put("action", log.action().name());
        m.put("status", log.status().name());
        log.remarks().ifPresent(v -> m.put("remarks", v));
        log.target().map(Target::type).ifPresent(v -> m.put("targetType", v));
        log.target().map(Target::id).ifPresent(v -> m.put("targetId", v));
        log.clientIp().ifPresent(v -> m.put("clientIp", v));
        log.userAgent().ifPresent(v -> m.put("userAgent", v));
        log.requestId().ifPresent(v -> m.put("requestId", v));
        log.traceId().ifPresent(v -> m.put("traceId", v));
        log.httpMethod().ifPresent(v -> m.put("httpMethod", v));
        log.httpPath().ifPresent(v -> m.put("httpPath", v));
        log.httpRoute().ifPresent(v -> m.put("httpRoute", v));
        log.httpStatus().ifPresent(v -> m.put("httpStatus", v));
        log.durationMs().ifPresent(v -> m.put("durationMs", v));
        m.put("data", log.data());
        m.put("source", log.source().wireName());
        return m;
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
