// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.servlet.ServletLogins;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /login} shows the form, {@code POST /login} signs in. The outcome is recorded with
 * the servlet adapter's {@link ServletLogins}: Login, or Login Failed with the attempted name and
 * never the password.
 */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String FORM = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · blog</title></head>
            <body><main>
            <h1>Sign in</h1>
            %s
            <form method="post" action="/login">
              <p><label>User <input name="username" id="username" autocomplete="username" required></label></p>
              <p><label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label></p>
              <p><button type="submit">Sign in</button></p>
            </form>
            </main></body></html>
            """;

    private final transient Users users;
    private final transient ServletLogins logins;

    LoginServlet(Users users, ServletLogins logins) {
        this.users = users;
        this.logins = logins;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String note = request.getParameter("error") != null
                ? "<p>Wrong user name or password.</p>"
                : request.getParameter("logout") != null ? "<p>You have signed out.</p>" : "";
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
        response.getWriter().write(FORM.formatted(note));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ActivityContext.current().skip(); // the Login / Login Failed record below says it all
        String name = String.valueOf(request.getParameter("username")).strip();
        String password = String.valueOf(request.getParameter("password"));
        Optional<String> role = users.authenticate(name, password);
        if (role.isEmpty()) {
            logins.loginFailed(request, name, "wrong user name or password");
            response.sendRedirect("/login?error");
            return;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id on login: no session fixation
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(AuthenticationFilter.SESSION_USER, name);
        session.setAttribute(AuthenticationFilter.SESSION_ROLE, role.get());
        // The request had no user when the filter resolved its tenant: the login record gets it here.
        users.tenant(name).ifPresent(ActivityContext.current()::tenant);
        logins.loginSucceeded(request, name);
        response.sendRedirect("/");
    }
}
