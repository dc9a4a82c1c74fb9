// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityReadHandler;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ActivityReadServlet} on a real Jetty: it only translates to core's handler, with the caller's
 * tenant scope resolved per request (the tenant of a user here is the first letter of their name;
 * {@code root} holds the cross-tenant role).
 */
class ActivityReadServletIT {
    private final InMemoryActivityStore store = InMemoryActivityStore.create();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ActivityLog ofA =
            ActivityLog.builder(ActionType.CREATE).actor("a1").tenant("A").build();
    private final ActivityLog ofB =
            ActivityLog.builder(ActionType.CREATE).actor("b1").tenant("B").build();
    private Server server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        store.append(List.of(ofA, ofB));
        ReadScopeResolver scopes = ReadScopeResolver.byTenant(
                view -> view.unwrap(HttpServletRequest.class)
                        .flatMap(r -> Optional.ofNullable(r.getUserPrincipal()))
                        .map(p -> p.getName().substring(0, 1).toUpperCase(Locale.ROOT)),
                view -> view.unwrap(HttpServletRequest.class)
                        .map(r -> r.isUserInRole("AUDITOR_ALL"))
                        .orElse(false));
        ActivityReadHandler handler =
                ActivityReadHandler.builder(store).role("AUDITOR").build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.setContextPath("/");
        ctx.addFilter(new FilterHolder(signedIn()), "/*", EnumSet.of(DispatcherType.REQUEST));
        ctx.addServlet(new ServletHolder(ActivityReadServlet.of(handler, scopes)), "/api/activity/*");
        server.setHandler(ctx);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** X-Test-User names the caller; every caller is an auditor, root also a cross-tenant one. */
    private static Filter signedIn() {
        return (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            String name = request.getHeader("X-Test-User");
            if (name == null) {
                chain.doFilter(req, res);
                return;
            }
            Principal user = () -> name;
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public Principal getUserPrincipal() {
                            return user;
                        }

                        @Override
                        public boolean isUserInRole(String role) {
                            return role.equals("AUDITOR") || (role.equals("AUDITOR_ALL") && name.equals("root"));
                        }
                    },
                    res);
        };
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (user != null) {
            b.header("X-Test-User", user);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTenantsAuditorReadsOnlyTheirTenant() throws Exception {
        HttpResponse<String> list = get("/api/activity?tenant=B", "ann");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(list.body())
                .contains(ofA.id().toString())
                .doesNotContain(ofB.id().toString());

        HttpResponse<String> foreign = get("/api/activity/" + ofB.id(), "ann");
        HttpResponse<String> own = get("/api/activity/" + ofA.id(), "ann");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(ofA.id().toString());

        HttpResponse<String> export = get("/api/activity/export?format=jsonl", "ann");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body())
                .contains(ofA.id().toString())
                .doesNotContain(ofB.id().toString());
    }

    @Test
    void theCrossTenantAuditorReadsAndFiltersEveryTenant() throws Exception {
        assertThat(get("/api/activity", "root").body())
                .contains(ofA.id().toString())
                .contains(ofB.id().toString());
        assertThat(get("/api/activity?tenant=B", "root").body())
                .contains(ofB.id().toString())
                .doesNotContain(ofA.id().toString());
        assertThat(get("/api/activity/" + ofB.id(), "root").statusCode()).isEqualTo(200);
    }

    @Test
    void noUserIsUnauthorizedAndABadFilterIsABadRequest() throws Exception {
        assertThat(get("/api/activity", null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = get("/api/activity?status=bogus", "ann");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad_request").contains("status");
    }
}
