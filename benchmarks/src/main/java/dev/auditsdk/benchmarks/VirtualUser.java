// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * One signed-in user of the blog with its own HTTP/1.1 client, so it holds exactly one keep-alive
 * connection. It signs in once with the login form and then rides the session cookie: HTTP Basic
 * would re-check the BCrypt password on every request, and that (about 50-100 ms of CPU) would
 * drown everything measured here.
 */
final class VirtualUser {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A post id that never exists: reading it is an expected 404. */
    private static final long MISSING = 999_999_999L;

    private final String base;
    final String name;
    private final HttpClient client;
    private final Random random;
    private String csrfHeader = "X-CSRF-TOKEN";
    private String csrfToken = "";
    long ownPost = -1;
    private long extraPost = -1;
    private long counter;

    VirtualUser(String base, String name, long seed) {
        this.base = base;
        this.name = name;
        this.random = new Random(seed);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs in with the form (one audit record: Login) and keeps the session's CSRF token. */
    void login(String password) throws IOException, InterruptedException {
        csrf();
        String form = "username=" + enc(name) + "&password=" + enc(password) + "&_csrf=" + enc(csrfToken);
        HttpResponse<String> r = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + name + " failed: " + r.statusCode() + " → " + location);
        }
        // Spring Security issues a new token with the new session after sign-in.
        csrf();
    }

    /** Creates the post this user updates for the rest of the run (one audit record). */
    void createOwnPost() throws IOException, InterruptedException {
        HttpResponse<String> r = write("POST", "/api/posts", body("first"));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create by " + name + " failed: " + r.statusCode() + " " + r.body());
        }
        ownPost = JSON.readTree(r.body()).get("id").asLong();
    }

    /**
     * Sends the next request of the mix (80 % reads, 20 % writes, 1 % each an expected 404 and 403)
     * and returns what happened. {@code posts} are everyone's long-lived posts; {@code foreign} one
     * that belongs to the other user.
     */
    Outcome next(List<Long> posts, long foreign) throws InterruptedException {
        int dice = random.nextInt(100);
        long start = System.nanoTime();
        String what;
        int expected;
        try {
            HttpResponse<String> r;
            if (dice < 30) {
                what = "GET /api/articles";
                expected = 200;
                r = get("/api/articles");
            } else if (dice < 50) {
                what = "GET /api/posts";
                expected = 200;
                r = get("/api/posts");
            } else if (dice < 79) {
                what = "GET /api/posts/{id}";
                expected = 200;
                r = get("/api/posts/" + posts.get(random.nextInt(posts.size())));
            } else if (dice < 80) {
                what = "GET /api/posts/{missing}";
                expected = 404;
                r = get("/api/posts/" + MISSING);
            } else if (dice < 94) {
                what = "PUT /api/posts/{own}";
                expected = 200;
                r = write("PUT", "/api/posts/" + ownPost, body("edit"));
            } else if (dice < 99) {
                // create and delete alternate, so the post list (read above) does not grow with throughput
                if (extraPost < 0) {
                    what = "POST /api/posts";
                    expected = 201;
                    r = write("POST", "/api/posts", body("extra"));
                    if (r.statusCode() == 201) {
                        extraPost = JSON.readTree(r.body()).get("id").asLong();
                    }
                } else {
                    what = "DELETE /api/posts/{own}";
                    expected = 204;
                    r = write("DELETE", "/api/posts/" + extraPost, null);
                    extraPost = -1;
                }
            } else {
                what = "PUT /api/posts/{someone else's}";
                expected = 403;
                r = write("PUT", "/api/posts/" + foreign, body("not mine"));
            }
            long nanos = System.nanoTime() - start;
            return new Outcome(nanos, r.statusCode() == expected ? null : what + " → " + r.statusCode());
        } catch (IOException e) {
            return new Outcome(System.nanoTime() - start, "I/O error: " + e);
        }
    }

    /** One request: its latency, and why it was unexpected (null when it was not). */
    record Outcome(
            long nanos, @org.jspecify.annotations.Nullable String error) {}

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    private HttpResponse<String> write(String method, String path, @org.jspecify.annotations.Nullable String json)
            throws IOException, InterruptedException {
        return send(request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header(csrfHeader, csrfToken)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private String body(String kind) {
        counter++;
        return "{\"title\":\"" + name + " " + kind + " " + counter + "\",\"body\":\"A post of about a hundred"
                + " characters, written by the load run to keep the payload realistic.\"}";
    }

    private void csrf() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/csrf");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no CSRF token for " + name + ": " + r.statusCode());
        }
        JsonNode token = JSON.readTree(r.body());
        csrfHeader = token.get("headerName").asText();
        csrfToken = token.get("token").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
