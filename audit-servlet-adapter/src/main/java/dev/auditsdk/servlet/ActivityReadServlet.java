package dev.auditsdk.servlet;

import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityReadHandler;
import dev.auditsdk.read.ReadRequest;
import dev.auditsdk.read.ReadResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * The read API as a servlet over core's {@link ActivityReadHandler}: map it at a base path with a
 * wildcard ({@code /api/activity/*}) and it answers the listing, {@code /count}, {@code /export},
 * {@code /verify} and {@code /<id>} exactly as the Spring adapter does. The caller's role is checked
 * with {@code HttpServletRequest.isUserInRole(handler.role())}, so the container's (or an
 * authentication filter's) users apply. Put it behind the {@link ActivityRecordingFilter} so each
 * read is recorded with the request; without it, give the handler a recorder.
 *
 * <pre>{@code
 * ActivityReadHandler reads = ActivityReadHandler.builder(store).role("AUDITOR").build();
 * context.addServlet(new ServletHolder(ActivityReadServlet.of(reads)), "/api/activity/*");
 * }</pre>
 *
 * @since 0.1
 */
public final class ActivityReadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ActivityReadHandler handler;
    private final transient ReadScopeResolver scopes;

    private ActivityReadServlet(ActivityReadHandler handler, ReadScopeResolver scopes) {
        this.handler = handler;
        this.scopes = scopes;
    }

    /** A servlet answering with {@code handler}; every reader sees every record (an application without tenants). */
    public static ActivityReadServlet of(ActivityReadHandler handler) {
        return of(handler, ReadScopeResolver.allTenants());
    }

    /**
     * A servlet answering with {@code handler}; each caller reads only what {@code scopes} resolves for
     * them (e.g. {@link ReadScopeResolver#byTenant}), a caller without a scope gets 403.
     */
    public static ActivityReadServlet of(ActivityReadHandler handler, ReadScopeResolver scopes) {
        return new ActivityReadServlet(
                Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(scopes, "scopes"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        ReadRequest read = new ReadRequest(
                Objects.requireNonNullElse(request.getPathInfo(), ""),
                request.getParameterMap(),
                principal == null ? null : principal.getName(),
                principal != null && request.isUserInRole(handler.role()),
                principal == null
                        ? null
                        : scopes.resolve(ServletViews.of(request)).orElse(null),
                request.getMethod(),
                request.getRequestURI());
        ReadResponse answer = handler.handle(read);
        response.setStatus(answer.status());
        response.setContentType(answer.mediaType());
        response.setCharacterEncoding("UTF-8");
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        Writer out = new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        answer.writeTo(out);
        out.flush();
    }
}
