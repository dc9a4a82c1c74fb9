// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Credential;

/**
 * A real Jetty 12 (ee10) server on 127.0.0.1 and a random port: the recording filter first, then a
 * header-token "authentication" filter, the test servlets, and BASIC container security on
 * {@code /secure/*} with users alice/secret and bob/hunter2.
 */
final class TestServer implements AutoCloseable {
    final Server server;
    final ServletContextHandler context;
    final URI base;
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Server server, ServletContextHandler context, URI base) {
        this.server = server;
        this.context = context;
        this.base = base;
    }

    /** Starts the standard app with this recording filter. */
    static TestServer start(Filter recordingFilter) throws Exception {
        return start(ctx -> {
            FilterHolder holder = new FilterHolder(recordingFilter);
            holder.setAsyncSupported(true);
            ctx.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        });
    }

    /** Starts the standard app after {@code addRecording} has installed the recording filter. */
    static TestServer start(Consumer<ServletContextHandler> addRecording) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(64 * 1024);
        // Permissive on purpose, so hostile paths reach the filter instead of being refused by Jetty.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SECURITY);
        ctx.setContextPath("/");
        ctx.setSecurityHandler(security());
        addRecording.accept(ctx);
        FilterHolder auth = new FilterHolder(new HeaderTokenFilter());
        auth.setAsyncSupported(true);
        ctx.addFilter(auth, "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder app = new ServletHolder("app", new AppServlet());
        app.setAsyncSupported(true);
        ctx.addServlet(app, "/*");
        ServletHolder posts = new ServletHolder("posts", new AppServlet());
        posts.setAsyncSupported(true);
        ctx.addServlet(posts, "/api/posts/*");
        ServletHolder async = new ServletHolder("async", new AsyncServlet());
        async.setAsyncSupported(true);
        ctx.addServlet(async, "/async/*");
        ctx.addServlet(new ServletHolder("login", new LoginServlet()), "/login");
        ctx.addServlet(new ServletHolder("logout", new LoginServlet()), "/secure/logout");
        server.setHandler(ctx);
        server.start();
        return new TestServer(server, ctx, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    private static ConstraintSecurityHandler security() {
        UserStore users = new UserStore();
        users.addUser("alice", Credential.getCredential("secret"), new String[] {"user"});
        users.addUser("bob", Credential.getCredential("hunter2"), new String[] {"user"});
        HashLoginService login = new HashLoginService("test");
        login.setUserStore(users);
        ConstraintMapping secure = new ConstraintMapping();
        secure.setPathSpec("/secure/*");
        secure.setConstraint(Constraint.from("user"));
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setAuthenticator(new BasicAuthenticator());
        security.setLoginService(login);
        security.setConstraintMappings(List.of(secure), Set.of("user"));
        return security;
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return client.send(request(method, path, headers), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<String> post(String path, String requestId) throws Exception {
        return send("POST", path, "X-Request-Id", requestId, "X-Test-User", "alice");
    }

    HttpRequest request(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return b.method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
