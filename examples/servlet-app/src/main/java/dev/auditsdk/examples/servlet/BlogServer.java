// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.ActivityFilters;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.http.TenantPolicy;
import dev.auditsdk.http.TenantResolver;
import dev.auditsdk.http.TrustedProxies;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.read.ActivityReadHandler;
import dev.auditsdk.servlet.ActivityReadServlet;
import dev.auditsdk.servlet.ActivityRecordingFilter;
import dev.auditsdk.viewer.AuditViewerServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The blog on embedded Jetty 12 with the SDK and nothing else: a recorder writing to the Jdbi
 * store in an H2 file, the servlet adapter's {@link ActivityRecordingFilter} around the servlets,
 * and its login helpers in the application's own sign-in form.
 *
 * <p>Filter order matters: authentication first (so the recording filter sees the user), then
 * recording, then authorization (so forbidden attempts of signed-in users are recorded as Failed).
 */
public final class BlogServer implements AutoCloseable {
    private final Server server;
    private final ActivityRecorder recorder;
    private final JdbiActivityStore store;
    private final Users users;

    private BlogServer(Server server, ActivityRecorder recorder, JdbiActivityStore store, Users users) {
        this.server = server;
        this.recorder = recorder;
        this.store = store;
        this.users = users;
    }

    /**
     * Starts the blog on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @param dataDir where the audit database file goes (created if missing)
     * @param password the demo users' password, or null for random ones
     * @throws Exception when Jetty or the database cannot start
     */
    public static BlogServer start(int port, Path dataDir, @org.jspecify.annotations.Nullable String password)
            throws Exception {
        Files.createDirectories(dataDir);
        JdbiActivityStore store = JdbiActivityStore.h2File(dataDir.resolve("audit"));
        ActivityRecorder recorder = ActivityRecorder.builder().store(store).build();
        Users users = Users.demo(password);
        // A tenant from the X-Tenant header only when a trusted proxy sends it (none here), else the signed-in user's.
        TenantResolver tenantOfUser =
                view -> view.unwrap(HttpServletRequest.class).flatMap(r -> users.tenant(r.getRemoteUser()));
        TenantPolicy tenants = TenantPolicy.of(
                        TenantResolver.header("X-Tenant", TrustedProxies.none()).orElse(tenantOfUser))
                .required(TenantPolicy.Missing.MARK);
        ReadScopeResolver scopes = ReadScopeResolver.byTenant(
                tenants.resolver(),
                view -> view.unwrap(HttpServletRequest.class)
                        .map(r -> r.isUserInRole(Users.AUDITOR_ALL))
                        .orElse(false));
        ActivityRecordingFilter recording = ActivityRecordingFilter.builder(recorder)
                // the viewer's own files are not activity; its reads of the trail are
                .mapper(HttpActivityMapper.builder()
                        .filter(ActivityFilters.excludePaths("/audit", "/audit/**"))
                        .tenants(tenants)
                        .build())
                .route("/api/articles", "article-list")
                .route("/api/posts", "post-list")
                .route("/api/posts/{id}", "post-detail")
                .route("/api/activity", "activity-list")
                .route("/api/activity/export", "activity-export")
                .route("/api/activity/count", "activity-count")
                .route("/api/activity/verify", "activity-verify")
                .route("/api/activity/{id}", "activity-detail")
                .target("/api/posts/{id}", "Post")
                .build();

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        context.getSessionHandler().setHttpOnly(true);
        add(context, new AuthenticationFilter(users, recording.logins()));
        add(context, recording);
        add(context, new AuthorizationFilter());
        Blog blog = new Blog();
        context.addServlet(new ServletHolder("home", new HomeServlet()), "/");
        context.addServlet(new ServletHolder("login", new LoginServlet(users, recording.logins())), "/login");
        context.addServlet(new ServletHolder("favicon", new NoIconServlet()), "/favicon.ico");
        context.addServlet(new ServletHolder("logout", new LogoutServlet(recording.logins())), "/logout");
        context.addServlet(new ServletHolder("articles", new ArticlesServlet()), "/api/articles");
        context.addServlet(new ServletHolder("posts", new PostsServlet(blog)), "/api/posts/*");
        ActivityReadHandler reads = ActivityReadHandler.builder(store)
                .role(Users.AUDITOR)
                .recorder(recorder)
                .build();
        context.addServlet(new ServletHolder("activity", ActivityReadServlet.of(reads, scopes)), "/api/activity/*");
        context.addServlet(
                new ServletHolder("viewer", AuditViewerServlet.of("/api/activity", Users.AUDITOR)), "/audit/*");

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            recorder.close();
            throw e;
        }
        return new BlogServer(server, recorder, store, users);
    }

    private static void add(ServletContextHandler context, Filter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    }

    /** The port the server listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The recorder, e.g. to {@link ActivityRecorder#flush} in a test. */
    public ActivityRecorder recorder() {
        return recorder;
    }

    /** The audit store the read API serves. */
    public JdbiActivityStore store() {
        return store;
    }

    Users users() {
        return users;
    }

    /**
     * Stops Jetty, then drains the recorder into the store and closes both.
     *
     * @throws IllegalStateException when Jetty fails to stop (the recorder is closed all the same)
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            recorder.close();
        }
    }

    /**
     * Runs the blog until the process is stopped: port from the first argument or {@code PORT}
     * (default 8081), data in {@code blog.dataDir} (default {@code ./data}), password from
     * {@code BLOG_DEMO_PASSWORD} (default random, printed).
     */
    public static void main(String[] args) throws Exception {
        String portText = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "8081");
        Path dataDir = Path.of(System.getProperty("blog.dataDir", "data"));
        BlogServer blog = start(Integer.parseInt(portText), dataDir, System.getenv("BLOG_DEMO_PASSWORD"));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            blog.close();
                        },
                        "blog-shutdown"));
        String base = "http://localhost:" + blog.port();
        StringBuilder sb = new StringBuilder("\n  Audit SDK servlet example is up at ")
                .append(base)
                .append("/\n\n");
        for (String name : blog.users.names()) {
            sb.append(String.format(
                    "    %-11s password %-14s role %s%n", name, blog.users.password(name), blog.users.role(name)));
        }
        sb.append("\n  Audit trail: ")
                .append(dataDir.toAbsolutePath().resolve("audit.mv.db"))
                .append("\n  Try: curl -u auditor:<password> ")
                .append(base)
                .append("/api/activity\n");
        System.out.println(sb);
        blog.server.join();
    }
}
