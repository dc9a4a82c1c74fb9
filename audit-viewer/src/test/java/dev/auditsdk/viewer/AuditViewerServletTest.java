// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The viewer servlet on a real Jetty: who may load the page, what it serves and with which headers. */
class AuditViewerServletTest {
    private Server server;
    private final HttpClient client = HttpClient.newHttpClient();

    /** Test users: header {@code X-User: name[:role]}. */
    static final class HeaderUsers extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String user = request.getHeader("X-User");
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            String[] parts = user.split(":", 2);
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public Principal getUserPrincipal() {
                            return () -> parts[0];
                        }

                        @Override
                        public boolean isUserInRole(String role) {
                            return parts.length > 1 && parts[1].equals(role);
                        }
                    },
                    response);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        context.addFilter(
                new FilterHolder(new HeaderUsers()), "/*", EnumSet.allOf(jakarta.servlet.DispatcherType.class));
        context.addServlet(new ServletHolder(AuditViewerServlet.of("/api/activity", "AUDITOR")), "/audit/*");
        ServletHolder fromInitParameters = new ServletHolder(AuditViewerServlet.class);
        fromInitParameters.setInitParameter("apiPath", "/reads");
        fromInitParameters.setInitParameter("role", "BOSS");
        context.addServlet(fromInitParameters, "/boss/*");
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path));
        if (user != null) {
            b.header("X-User", user);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageWithTheApiPathAndAStrictPolicyToAuditorsOnly() throws Exception {
        HttpResponse<String> page = get("/app/audit/", "ann:AUDITOR");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<meta name=\"audit-api\" content=\"/app/api/activity\">")
                .contains("<script src=\"viewer.js\" defer></script>")
                .doesNotContain("<script>")
                .doesNotContain("style=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(AuditViewer.CONTENT_SECURITY_POLICY);
        assertThat(AuditViewer.CONTENT_SECURITY_POLICY).doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        assertThat(get("/app/audit/viewer.js", "ann:AUDITOR").body()).contains("textContent");
        assertThat(get("/app/audit/viewer.css", "ann:AUDITOR").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

        assertThat(get("/app/audit/", null).statusCode()).isEqualTo(401);
        assertThat(get("/app/audit/", "bob").statusCode()).isEqualTo(403);
        assertThat(get("/app/audit/../WEB-INF/x", "ann:AUDITOR").statusCode()).isNotEqualTo(200);
        assertThat(get("/app/audit/AuditViewer.class", "ann:AUDITOR").statusCode())
                .isEqualTo(404);
        HttpResponse<String> bare = get("/app/audit?actor=a", "ann:AUDITOR");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/app/audit/?actor=a"));
    }

    @Test
    void webXmlStyleInitParametersNameTheApiAndTheRole() throws Exception {
        assertThat(get("/app/boss/", "ann:AUDITOR").statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/app/boss/", "cy:BOSS");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("content=\"/app/reads\"");
    }

    @Test
    void rejectsBadSettingsAndEscapesTheApiPath() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditViewerServlet.of("api", "AUDITOR"));
        assertThatIllegalArgumentException().isThrownBy(() -> AuditViewerServlet.of("//evil", "AUDITOR"));
        assertThatIllegalArgumentException().isThrownBy(() -> AuditViewerServlet.of("/api", " "));
        String html = new String(
                AuditViewer.forApi("/a\"><script>").asset("/").orElseThrow().body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("content=\"/a&quot;&gt;&lt;script&gt;\"").doesNotContain("\"><script>");
        assertThat(AuditViewer.forApi("/api/").asset("index.html")).isPresent();
        assertThat(AuditViewer.forApi("/api").asset("nope.js")).isEmpty();
    }
}
