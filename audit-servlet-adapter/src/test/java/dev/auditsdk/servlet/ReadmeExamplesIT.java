// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Target;
import dev.auditsdk.http.ActivityFilters;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.TrustedProxies;
import dev.auditsdk.spi.ActivityStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The README's snippets, compiled and run against a real Jetty. Keep them in sync with README.md. */
class ReadmeExamplesIT {

    // README: "Setup in code"
    static final class AuditSetup implements ServletContextListener {
        private final ActivityStore store;
        private ActivityRecorder recorder;

        AuditSetup(ActivityStore store) {
            this.store = store;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            recorder = ActivityRecorder.builder().store(store).build();
            ActivityRecordingFilter filter = ActivityRecordingFilter.builder(recorder)
                    .mapper(HttpActivityMapper.builder()
                            .trustedProxies(TrustedProxies.of("10.0.0.0/8"))
                            .filter(ActivityFilters.excludePaths("/health", "/static/**"))
                            .build())
                    .route("/api/articles/{id}", "articles-detail")
                    .target("/api/articles/{id}", "Article")
                    .build();
            FilterRegistration.Dynamic registration = event.getServletContext().addFilter("activity", filter);
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
            event.getServletContext().setAttribute("logins", filter.logins());
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            recorder.close();
        }
    }

    // README: "Login helpers"
    static final class LoginServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ServletLogins logins = (ServletLogins) getServletContext().getAttribute("logins");
            try {
                logins.login(request, request.getParameter("username"), request.getParameter("password"));
                response.sendRedirect("/");
            } catch (ServletException rejected) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
        }
    }

    // README: "Enriching the record from handler code"
    static final class ArticleServlet extends HttpServlet {
        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) {
            String id = request.getPathInfo().substring(1);
            ActivityContext.current()
                    .target("Article", id)
                    .remarks("published article " + id)
                    .data("title", "Hello");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    @Test
    void codeSetupRecordsRequests() throws Exception {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        AuditSetup setup = new AuditSetup(store);
        try (TestServer server = TestServer.start(ctx -> {
            ctx.addEventListener(setup);
            ctx.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new ArticleServlet()), "/api/articles/*");
        })) {
            assertThat(server.send("PUT", "/api/articles/5", "X-Test-User", "alice")
                            .statusCode())
                    .isEqualTo(204);
            ActivityLog log = awaitOne(store, setup);
            assertThat(log.remarks()).contains("published article 5");
            assertThat(log.target()).contains(Target.of("Article", "5"));
            assertThat(log.httpRoute()).contains("articles-detail");
            assertThat(log.actor()).contains("alice");
        }
    }

    private static ActivityLog awaitOne(InMemoryActivityStore store, AuditSetup setup) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            setup.recorder.flush(Duration.ofSeconds(1));
            var items = store.find(dev.auditsdk.ActivityQuery.builder().build()).items();
            if (!items.isEmpty()) {
                return items.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nothing recorded");
    }
}
