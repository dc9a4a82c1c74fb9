// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The blog end to end over real HTTP: a failed login, a form login, post CRUD, a forbidden update,
 * a logout, and then the trail as an auditor reads it through {@code GET /api/activity}, and its
 * CSV and JSON Lines export.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blog.demo-password=" + BlogApplicationIT.PASSWORD)
class BlogApplicationIT {
    static final String PASSWORD = "e2e-test-pw";
    static final String WRONG_PASSWORD = "not-the-password-9f2c";

    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> "./target/it-data/blog-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Test
    void recordsASessionOfLoginCrudAndLogout() throws Exception {
        Instant start = Instant.now();
        HttpUser alice = HttpUser.session(port);
        HttpResponse<String> failed = alice.postForm("/login", Map.of("username", "alice", "password", WRONG_PASSWORD));
        assertThat(failed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));

        HttpResponse<String> login = alice.postForm("/login", Map.of("username", "alice", "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        assertThat(HttpUser.json(alice.get("/api/articles")).get("articles")).hasSize(3);
        HttpResponse<String> created =
                alice.send("POST", "/api/posts", "{\"title\":\"Hello\",\"body\":\"First post\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = HttpUser.json(created).get("id").asText();
        assertThat(alice.get("/api/posts").statusCode()).isEqualTo(200);
        assertThat(alice.get("/api/posts/" + id).statusCode()).isEqualTo(200);
        assertThat(alice.send("PUT", "/api/posts/" + id, "{\"title\":\"Hello again\",\"body\":\"Edited\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpUser bob = HttpUser.basic(port, "bob", PASSWORD);
        assertThat(bob.send("PUT", "/api/posts/" + id, "{\"title\":\"Mine now\"}")
                        .statusCode())
                .isEqualTo(403);

        assertThat(alice.send("DELETE", "/api/posts/" + id, null).statusCode()).isEqualTo(204);
        assertThat(alice.get("/api/posts/" + id).statusCode()).isEqualTo(404);
        assertThat(alice.get("/api/activity").statusCode()).isEqualTo(403);
        HttpResponse<String> logout = alice.postForm("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location"))
                .as(logout.statusCode() + " " + logout.body())
                .hasValueSatisfying(l -> assertThat(l).contains("/login?logout"));
        assertThat(alice.get("/api/posts").statusCode()).isIn(302, 401);
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

        HttpUser auditor = HttpUser.basic(port, "auditor", PASSWORD);
        List<JsonNode> everyRow = items(auditor, "/api/activity?actor=alice&limit=100&from=" + start);
        // the post is an @AuditedEntity: each committed write also left a field-change row (source app)
        assertThat(everyRow)
                .filteredOn(r -> r.get("source").asText().equals("app"))
                .extracting(
                        r -> r.get("action").asText() + " " + r.get("targetId").asText())
                .containsExactly("Delete " + id, "Update " + id, "Create " + id);
        List<JsonNode> trail = everyRow.stream()
                .filter(r -> !r.get("source").asText().equals("app"))
                .toList();
        // newest first; the CSRF-token fetches asked to be skipped, and anonymous calls are not recorded
        assertThat(trail)
                .extracting(BlogApplicationIT::step)
                .containsExactly(
                        "Logout /logout",
                        "Read /api/activity 403",
                        "Read /api/posts/" + id + " 404",
                        "Delete /api/posts/" + id + " 204",
                        "Update /api/posts/" + id + " 200",
                        "Read /api/posts/" + id + " 200",
                        "Read /api/posts 200",
                        "Create /api/posts 201",
                        "Read /api/articles 200",
                        "Login /login");
        JsonNode create = only(trail, "Create");
        assertThat(create.get("targetType").asText()).isEqualTo("Post");
        assertThat(create.get("targetId").asText()).isEqualTo(id);
        assertThat(create.get("httpStatus").asInt()).isEqualTo(201);
        assertThat(create.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(trail)
                .filteredOn(r -> r.path("httpPath").asText().equals("/api/posts"))
                .anySatisfy(r -> assertThat(r.get("remarks").asText()).isEqualTo("alice is reading blog posts"));
        assertThat(trail)
                .filteredOn(r -> r.get("action").asText().equals("Read")
                        && r.path("httpStatus").asInt() == 404)
                .singleElement()
                .satisfies(r -> assertThat(r.get("status").asText()).isEqualTo("FAILED"));
        assertThat(trail)
                .filteredOn(r -> r.path("httpPath").asText().equals("/api/activity"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status").asText()).isEqualTo("FAILED"));
        assertThat(trail).noneMatch(r -> r.path("httpPath").asText().equals("/api/csrf"));

        List<JsonNode> bobs = items(auditor, "/api/activity?actor=bob&action=Update&from=" + start);
        assertThat(bobs).singleElement().satisfies(r -> {
            assertThat(r.get("status").asText()).isEqualTo("FAILED");
            assertThat(r.get("httpStatus").asInt()).isEqualTo(403);
            assertThat(r.get("targetId").asText()).isEqualTo(id);
        });

        List<JsonNode> failures = items(auditor, "/api/activity?action=Login%20Failed&from=" + start);
        assertThat(failures).singleElement().satisfies(r -> {
            assertThat(r.get("status").asText()).isEqualTo("FAILED");
            assertThat(r.get("data").get("username").asText()).isEqualTo("alice");
        });
        String everything = auditor.get("/api/activity?limit=1000").body();
        assertThat(everything).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);

        JsonNode one =
                HttpUser.json(auditor.get("/api/activity/" + create.get("id").asText()));
        assertThat(one.get("id").asText()).isEqualTo(create.get("id").asText());
    }

    @Test
    void signingOutLandsOnARealPageAndIsRecorded() throws Exception {
        Instant start = Instant.now();
        HttpUser bob = HttpUser.session(port);
        assertThat(bob.postForm("/login", Map.of("username", "bob", "password", PASSWORD))
                        .statusCode())
                .isEqualTo(302);
        // the viewer's and the home page's "Sign out" link: a confirmation page, then its form
        assertThat(bob.getPage("/logout").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = bob.postForm("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        String landing = URI.create(logout.headers().firstValue("Location").orElseThrow())
                .getRawPath();
        String query = URI.create(logout.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        HttpResponse<String> page = bob.getPage(landing + (query == null ? "" : "?" + query));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("signed out").doesNotContain("Whitelabel");
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

        List<JsonNode> trail =
                items(HttpUser.basic(port, "auditor", PASSWORD), "/api/activity?actor=bob&from=" + start);
        assertThat(trail).extracting(BlogApplicationIT::step).startsWith("Logout /logout");
    }

    @Test
    void exportsTheFilteredTrailAsCsvAndJsonLines() throws Exception {
        recorder.record(
                ActionType.UPDATE,
                b -> b.actor("=cmd|' /C calc'!A0")
                        .remarks("@SUM(1+1)")
                        .target("Post", "-1")
                        .data(Map.of("note", "with, a comma")));
        recorder.record(ActionType.READ, b -> b.actor("erin").remarks("plain"));
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        HttpUser auditor = HttpUser.basic(port, "auditor", PASSWORD);

        HttpResponse<String> csv = auditor.get("/api/activity/export?format=csv&action=Update&q=SUM");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment")
                .contains(".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,occurredAt,actor,");
        assertThat(lines[1])
                .contains(",'=cmd|' /C calc'!A0,")
                .contains(",'@SUM(1+1),")
                .contains(",'-1,")
                .contains("\"{\"\"note\"\":\"\"with, a comma\"\"}\"");

        HttpResponse<String> jsonl = auditor.get("/api/activity/export?format=jsonl&actor=erin");
        assertThat(jsonl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        List<String> records = jsonl.body().lines().toList();
        assertThat(records).hasSize(1);
        JsonNode erin = HttpUser.JSON.readTree(records.get(0));
        assertThat(erin.get("actor").asText()).isEqualTo("erin");
        assertThat(erin.get("remarks").asText()).isEqualTo("plain");

        assertThat(auditor.get("/api/activity/export?format=xlsx").statusCode()).isEqualTo(400);
        assertThat(HttpUser.basic(port, "alice", PASSWORD)
                        .get("/api/activity/export?format=csv")
                        .statusCode())
                .isEqualTo(403);
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(items(auditor, "/api/activity?actor=auditor&action=Export")).isNotEmpty();
    }

    @Test
    void viewerPageIsForAuditorsAndForbidsInlineScript() throws Exception {
        HttpResponse<String> page = HttpUser.basic(port, "auditor", PASSWORD).get("/audit/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<script src=\"viewer.js\"")
                .contains("<meta name=\"audit-api\" content=\"/api/activity\">")
                .doesNotContain("<script>");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(HttpUser.basic(port, "bob", PASSWORD).get("/audit/").statusCode())
                .isEqualTo(403);
        HttpResponse<String> anonymous = HttpUser.session(port).getPage("/audit/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private static List<JsonNode> items(HttpUser auditor, String path) throws Exception {
        HttpResponse<String> r = auditor.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ArrayList<>(
                StreamSupport.stream(HttpUser.json(r).get("items").spliterator(), false)
                        .toList());
    }

    /** "action path status" of a record, e.g. "Create /api/posts 201". */
    private static String step(JsonNode r) {
        return r.get("action").asText() + " " + r.path("httpPath").asText()
                + (r.hasNonNull("httpStatus") ? " " + r.get("httpStatus").asText() : "");
    }

    private static JsonNode only(List<JsonNode> trail, String action) {
        return trail.stream()
                .filter(r -> r.get("action").asText().equals(action))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + action + ": " + a + " / " + b);
                })
                .orElseThrow(() -> new AssertionError("no " + action + " in " + trail));
    }
}
