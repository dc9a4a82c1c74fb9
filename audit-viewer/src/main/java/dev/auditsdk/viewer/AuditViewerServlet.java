// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.viewer;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Serves the viewer to callers in the read API's role. Map it with a wildcard, e.g. {@code /audit/*},
 * beside the read API ({@code dev.auditsdk.servlet.ActivityReadServlet} or the Spring controller):
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(AuditViewerServlet.of("/api/activity", "AUDITOR")), "/audit/*");
 * }</pre>
 *
 * or in {@code web.xml} with init parameters {@code apiPath} and {@code role} (the public
 * constructor is for containers that instantiate servlets themselves). 401 without a user, 403
 * without the role, 404 for anything but the viewer's files.
 *
 * @since 0.1
 */
public final class AuditViewerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient @Nullable AuditViewer viewer;
    private @Nullable String apiPath;
    private @Nullable String role;

    /** For containers: configure with the init parameters {@code apiPath} and {@code role}. */
    public AuditViewerServlet() {}

    private AuditViewerServlet(String apiPath, String role) {
        this.apiPath = apiPath;
        this.role = role;
    }

    /**
     * A servlet showing the read API at {@code apiPath} to callers in {@code role}.
     *
     * @throws IllegalArgumentException if the path does not start with {@code /} or the role is blank
     */
    public static AuditViewerServlet of(String apiPath, String role) {
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        AuditViewer.forApi(apiPath); // fails here, not at the first request
        return new AuditViewerServlet(apiPath, role);
    }

    /** Reads the init parameters when made by the container; the API path gets the context path. */
    @Override
    public void init() throws ServletException {
        if (apiPath == null) {
            apiPath = Objects.requireNonNullElse(getInitParameter("apiPath"), "/api/activity");
            role = Objects.requireNonNullElse(getInitParameter("role"), "AUDITOR");
        }
        viewer = AuditViewer.forApi(getServletContext().getContextPath() + apiPath);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditViewer.headers().forEach(response::setHeader);
        AuditViewer v = Objects.requireNonNull(viewer, "viewer");
        String r = Objects.requireNonNull(role, "role");
        if (request.getUserPrincipal() == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in to see the activity trail");
            return;
        }
        if (!request.isUserInRole(r)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "the activity trail needs the role " + r);
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            // relative asset links need the trailing slash
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        Optional<AuditViewer.Asset> asset = v.asset(path);
        if (asset.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = asset.get().body();
        response.setContentType(asset.get().contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
