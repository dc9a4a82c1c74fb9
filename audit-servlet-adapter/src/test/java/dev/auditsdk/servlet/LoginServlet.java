// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /login} logs in through the container ({@code request.login}); with {@code mode=own}
 * it checks the password itself, as an application's own login servlet would. {@code /secure/logout}
 * logs out. Uses the {@link ServletLogins} in the context attribute {@code test.logins}.
 */
final class LoginServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        ServletLogins logins = (ServletLogins) getServletContext().getAttribute("test.logins");
        if (req.getServletPath().endsWith("/logout")) {
            logins.logout(req);
            resp.getWriter().print("bye");
            return;
        }
        String user = req.getParameter("username");
        String password = req.getParameter("password");
        if ("own".equals(req.getParameter("mode"))) {
            if ("letmein".equals(password)) {
                logins.loginSucceeded(req, user);
                resp.getWriter().print("welcome");
            } else {
                logins.loginFailed(req, user, "bad password");
                resp.sendError(401);
            }
            return;
        }
        try {
            logins.login(req, user, password);
            resp.getWriter().print("welcome " + req.getRemoteUser());
        } catch (ServletException e) {
            resp.sendError(401);
        }
    }
}
