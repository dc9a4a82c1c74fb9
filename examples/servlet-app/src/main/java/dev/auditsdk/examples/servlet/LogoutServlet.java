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

/** {@code POST /logout}: records Logout and ends the session. */
final class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ServletLogins logins;

    LogoutServlet(ServletLogins logins) {
        this.logins = logins;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ActivityContext.current().skip(); // recorded as Logout, not as a "Create" of /logout
        HttpSession session = request.getSession(false);
        String user = request.getRemoteUser();
        if (session != null) {
            if (user != null) {
                logins.loggedOut(request, user);
            }
            session.invalidate();
        }
        response.sendRedirect("/login?logout");
    }
}
