// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import dev.auditsdk.servlet.ServletLogins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is calling: HTTP Basic credentials sent with the request, or else the user of the
 * form-login session. It runs before the SDK's recording filter, so the recording filter sees the user in
 * {@code getUserPrincipal()}, as it would after a container login. Wrong Basic credentials are
 * answered 401 and recorded as Login Failed (the password is never recorded).
 */
final class AuthenticationFilter extends HttpFilter {
    static final String SESSION_USER = "blog.user";
    static final String SESSION_ROLE = "blog.role";
    private static final long serialVersionUID = 1L;

    private final transient Users users;
    private final transient ServletLogins logins;

    AuthenticationFilter(Users users, ServletLogins logins) {
        this.users = users;
        this.logins = logins;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decode(header.substring(6).strip());
            Optional<String> role =
                    credentials.length == 2 ? users.authenticate(credentials[0], credentials[1]) : Optional.empty();
            if (role.isEmpty()) {
                logins.loginFailed(
                        request, credentials.length > 0 ? credentials[0] : null, "bad credentials (HTTP Basic)");
                response.setHeader("WWW-Authenticate", "Basic realm=\"blog\", charset=\"UTF-8\"");
                Json.error(response, HttpServletResponse.SC_UNAUTHORIZED, "bad credentials");
                return;
            }
            chain.doFilter(new SignedInRequest(request, credentials[0], role.get()), response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            chain.doFilter(new SignedInRequest(request, user, (String) session.getAttribute(SESSION_ROLE)), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String[] decode(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 0 ? new String[] {text} : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[0];
        }
    }
}
