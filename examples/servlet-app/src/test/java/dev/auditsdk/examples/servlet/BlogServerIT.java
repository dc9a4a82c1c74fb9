// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servlet blog end to end: its own main class's server on a random port, driven over real
 * HTTP (failed login, form login, CRUD, a forbidden change, logout), then the trail read back
 * through its {@code GET /api/activity} from the Jdbi store in an H2 file.
 */
class BlogServerIT {
    static final String PASSWORD = "servlet-e2e-pw";
    static final String WRONG = "wrong-password-7b1e";

    @TempDir
    Path data;

    BlogServer blog;
    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeEach
    void start() throws Exception {
        blog = BlogServer.start(0, data, PASSWORD);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void recordsASessionOfLoginCrudAndLogout() throws Exception {
        assertThat(form("/login", "username=alice&password=" + WRONG).headers().firstValue("Location"))
                .hasValue("/login?error");
        assertThat(form("/login", "username=alice&password=" + PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValue("/");

        assertThat(json(send("GET", "/api/articles", null, null)).get("articles"))
                .hasSize(3);
        HttpResponse<String> created = send("POST", "/api/posts", "{\"title\":\"Hello\",\"body\":\"First\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(send("GET", "/api/posts", null, null).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/posts/" + id, "{\"title\":\"Hello again\"}", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/posts/" + id, "{\"title\":\"Mine\"}", basic("bob", PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", "/api/posts/" + id, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/posts/" + id, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/activity", null, null).statusCode()).isEqualTo(403);
        assertThat(form("/logout", "").headers().firstValue("Location")).hasValue("/login?logout");
        assertThat(send("GET", "/api/posts", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/posts", null, basic("alice", WRONG)).statusCode())
                .isEqualTo(401);
        flushOnceRecorded(12);

        String auditor = basic("auditor", PASSWORD);
        List<JsonNode> alice = items("/api/activity?actor=alice", auditor);
        assertThat(alice)
                .extracting(r -> r.get("action").asText())
                .containsExactly("Logout", "Read", "Read", "Delete", "Update", "Read", "Create", "Read", "Login");
        JsonNode create = alice.get(6);
        assertThat(create.get("targetType").asText()).isEqualTo("Post");
        assertThat(create.get("targetId").asText()).isEqualTo(id);
        assertThat(create.get("httpStatus").asInt()).isEqualTo(201);
        assertThat(create.get("data").get("title").asText()).isEqualTo("Hello");
        assertThat(alice.get(5).get("remarks").asText()).isEqualTo("alice is reading blog posts");
        assertThat(alice.get(7).get("remarks").asText())
                .isEqualTo("User: alice -- Action Type: Read -- Path: /api/articles -- Path Name: article-list");
        assertThat(alice.get(2).get("status").asText()).isEqualTo("FAILED");
        assertThat(alice.get(2).get("httpStatus").asInt()).isEqualTo(404);
        assertThat(alice.get(1).get("httpPath").asText()).isEqualTo("/api/activity");
        assertThat(alice.get(1).get("status").asText()).isEqualTo("FAILED");

        assertThat(items("/api/activity?actor=bob", auditor)).singleElement().satisfies(r -> {
            assertThat(r.get("action").asText()).isEqualTo("Update");
            assertThat(r.get("status").asText()).isEqualTo("FAILED");
            assertThat(r.get("targetId").asText()).isEqualTo(id);
        });
        List<JsonNode> failed = items("/api/activity?action=Login%20Failed", auditor);
        assertThat(failed).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("status").asText()).isEqualTo("FAILED");
            assertThat(r.get("data").get("username").asText()).isEqualTo("alice");
        });
        String everything =
                send("GET", "/api/activity?limit=1000", null, auditor).body();
        assertThat(everything).doesNotContain(WRONG).doesNotContain(PASSWORD);

        JsonNode one = json(send("GET", "/api/activity/" + create.get("id").asText(), null, auditor));
        assertThat(one.get("remarks").asText()).isEqualTo(create.get("remarks").asText());
    }

    @Test
    void pagesTheTrailWithAKeysetCursor() throws Exception {
        String alice = basic("alice", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(send("GET", "/api/articles", null, alice).statusCode()).isEqualTo(200);
        }
        flushOnceRecorded(5);
        String auditor = basic("auditor", PASSWORD);
        JsonNode first = json(send("GET", "/api/activity?actor=alice&limit=3", null, auditor));
        assertThat(first.get("items")).hasSize(3);
        JsonNode second = json(send(
                "GET",
                "/api/activity?actor=alice&limit=3&cursor="
                        + URLEncoder.encode(first.get("nextCursor").asText(), StandardCharsets.UTF_8),
                null,
                auditor));
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(send("GET", "/api/activity?status=maybe", null, auditor).statusCode())
                .isEqualTo(400);
    }

    /**
     * The filter records an exchange once the response is complete, which the client may see a
     * moment earlier: wait until the records are handed to the recorder, then flush them.
     */
    private void flushOnceRecorded(long records) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (blog.recorder().stats().enqueued() < records && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(blog.recorder().flush(Duration.ofSeconds(10))).isTrue();
    }

    private List<JsonNode> items(String path, String auth) throws Exception {
        HttpResponse<String> r = send("GET", path, null, auth);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(r).get("items").forEach(items::add);
        return items;
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + blog.port() + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }
}
