// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.ActivityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** The synchronous test application; what it does depends on the path. */
final class AppServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = ServletRoutes.appPath(req);
        switch (path) {
            case "/status" -> resp.setStatus(Integer.parseInt(req.getParameter("code")));
            case "/senderror" -> {
                resp.sendError(Integer.parseInt(req.getParameter("code")));
                return;
            }
            case "/throw" -> throw new IllegalStateException("boom: password=hunter2");
            case "/context" ->
                ActivityContext.current()
                        .remarks("published post 99")
                        .target("Post", 99)
                        .data("title", "Hello");
            case "/skip" -> ActivityContext.current().skip();
            case "/health", "/attached" -> {
                resp.getWriter().print("attached=" + ActivityContext.current().isAttached());
                return;
            }
            default -> {}
        }
        Principal p = req.getUserPrincipal();
        resp.setContentType("text/plain");
        resp.getWriter().print("ok " + (p == null ? "anonymous" : p.getName()));
    }
}
