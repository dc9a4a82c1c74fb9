package dev.auditsdk.examples.servlet;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityJsonWriter;
import dev.auditsdk.read.ActivityQueryParameters;
import dev.auditsdk.read.ReadScope;
import dev.auditsdk.servlet.ServletViews;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The read API over the Jdbi store, with the SDK's read classes, so its parameters and JSON are the
 * Spring adapter's: {@code GET /api/activity?actor=&action=&status=&targetType=&targetId=&requestId=&from=&to=&q=&limit=&cursor=}
 * → {@code {"items":[…], "nextCursor": "…" | null}}, newest first, and {@code GET /api/activity/{id}}.
 * Every read goes through the caller's {@link ReadScope}: another tenant's record is a 404 like a
 * missing id. Bad parameters answer 400 with {@code {"error":"bad_request","message":"…"}}. Auditors only
 * (see {@link AuthorizationFilter}).
 */
final class ActivityApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ActivityStore store;
    private final transient ReadScopeResolver scopes;

    ActivityApiServlet(ActivityStore store, ReadScopeResolver scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    /** The store as the caller may see it; empty (and a 403 sent) for a caller without a scope. */
    static Optional<ActivityStore> visible(
            ActivityStore store, ReadScopeResolver scopes, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<ReadScope> scope = scopes.resolve(ServletViews.of(request));
        if (scope.isEmpty()) {
            send(response, 403, ActivityJsonWriter.error("forbidden", "reading activity requires a tenant"));
            return Optional.empty();
        }
        return Optional.of(scope.get().over(store));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ActivityStore store = visible(this.store, scopes, request, response).orElse(null);
        if (store == null) {
            return;
        }
        String info = request.getPathInfo();
        if (info != null && info.length() > 1) {
            Optional<ActivityLog> log = parseId(info.substring(1)).flatMap(store::get);
            if (log.isPresent()) {
                send(response, 200, ActivityJsonWriter.item(log.get()));
            } else {
                send(response, 404, ActivityJsonWriter.error("not_found", "no such record"));
            }
            return;
        }
        ActivityPage page;
        try {
            page = store.find(ActivityQueryParameters.parse(request.getParameterMap()));
        } catch (IllegalArgumentException e) {
            badRequest(response, e);
            return;
        }
        send(response, 200, ActivityJsonWriter.page(page));
    }

    /** A 400 with the reason, in the read API's error shape. */
    static void badRequest(HttpServletResponse response, IllegalArgumentException e) throws IOException {
        send(
                response,
                400,
                ActivityJsonWriter.error("bad_request", Objects.requireNonNullElse(e.getMessage(), "bad request")));
    }

    private static void send(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json);
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
