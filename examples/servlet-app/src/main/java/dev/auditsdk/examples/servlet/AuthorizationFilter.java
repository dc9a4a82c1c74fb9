// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What each user may do: everyone signed in reads, writers change posts, auditors read the trail.
 * It runs after the SDK's recording filter, so a signed-in user's forbidden attempt is recorded as
 * Failed (403). Session requests that change data must send JSON: together with the SameSite
 * session cookie this keeps other sites from forging them (CSRF).
 */
final class AuthorizationFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.equals("/login")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null) {
            if (path.startsWith("/api/")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"blog\", charset=\"UTF-8\"");
                Json.error(response, HttpServletResponse.SC_UNAUTHORIZED, "sign in first");
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
            return;
        }
        boolean safe = SAFE.contains(request.getMethod());
        if ((path.startsWith("/api/activity") && !request.isUserInRole(Users.AUDITOR))
                || (path.startsWith("/api/posts") && !safe && !request.isUserInRole(Users.WRITER))) {
            Json.error(response, HttpServletResponse.SC_FORBIDDEN, "not allowed for " + request.getRemoteUser());
            return;
        }
        if (!safe
                && path.startsWith("/api/")
                && HttpServletRequest.FORM_AUTH.equals(request.getAuthType())
                && !request.getMethod().equals("DELETE")
                && !isJson(request)) {
            Json.error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "send application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }
}
