package dev.auditsdk.examples.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /}: what the example offers; any other unknown path is a 404. */
final class HomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Audit SDK servlet example</title></head>
            <body><main>
            <h1>Audit SDK servlet example</h1>
            <p>A small blog API on plain servlets; every call is recorded by the SDK's ActivityRecordingFilter
            into an H2 file through the Jdbi store. Users and passwords are printed at start-up.</p>
            <ul>
              <li><a href="/api/articles">GET /api/articles</a></li>
              <li><a href="/api/posts">GET /api/posts</a> (alice and bob may also POST, PUT and DELETE)</li>
              <li><a href="/audit/">Activity viewer</a> (auditor only)</li>
              <li><a href="/api/activity">GET /api/activity</a> (auditor only)</li>
              <li><a href="/api/activity/export?format=csv">GET /api/activity/export?format=csv</a>
                or <a href="/api/activity/export?format=jsonl">format=jsonl</a> (auditor only)</li>
              <li><a href="/login">Sign in</a></li>
            </ul>
            <form method="post" action="/logout"><button type="submit">Sign out</button></form>
            </main></body></html>
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "no such page");
            return;
        }
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
        response.getWriter().write(PAGE);
    }
}
