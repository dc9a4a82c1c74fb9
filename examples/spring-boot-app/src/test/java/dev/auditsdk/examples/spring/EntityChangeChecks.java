// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.ActivityRecorder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Editing a post's title over HTTP leaves two linked rows: the HTTP {@code Update} row and the entity's
 * field change {@code title: "Old" → "New"}, sharing the request id; both found through
 * {@code GET /api/activity?requestId=…}. Run by {@link EntityChangesIT} (H2) and {@link PostgresTrailIT}.
 */
final class EntityChangeChecks {
    private EntityChangeChecks() {}

    /** Creates, edits and reads back one post as alice; returns the request id of the edit. */
    static String editTitleAndFindBothRows(int port, String password, ActivityRecorder recorder) throws Exception {
        HttpUser alice = HttpUser.basic(port, "alice", password);
        HttpResponse<String> created =
                alice.send("POST", "/api/posts", "{\"title\":\"Old\",\"body\":\"Unchanged body\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = HttpUser.json(created).get("id").asText();
        HttpResponse<String> edited =
                alice.send("PUT", "/api/posts/" + id, "{\"title\":\"New\",\"body\":\"Unchanged body\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(HttpUser.json(edited).get("title").asText()).isEqualTo("New");
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

        HttpUser auditor = HttpUser.basic(port, "auditor", password);
        JsonNode http = single(items(
                auditor, "/api/activity?source=http&action=Update&targetType=Post&targetId=" + id + "&actor=alice"));
        assertThat(http.get("httpStatus").asInt()).isEqualTo(200);
        String requestId = http.get("requestId").asText();
        assertThat(requestId).isNotBlank();

        List<JsonNode> linked = items(auditor, "/api/activity?requestId=" + enc(requestId));
        assertThat(linked).extracting(r -> r.get("source").asText()).containsExactlyInAnyOrder("http", "app");
        JsonNode change = linked.stream()
                .filter(r -> r.get("source").asText().equals("app"))
                .findFirst()
                .orElseThrow();
        assertThat(change.get("action").asText()).isEqualTo("Update");
        assertThat(change.get("actor").asText()).isEqualTo("alice");
        assertThat(change.get("targetType").asText()).isEqualTo("Post");
        assertThat(change.get("targetId").asText()).isEqualTo(id);
        assertThat(change.path("httpPath").isMissingNode()
                        || change.get("httpPath").isNull())
                .isTrue();
        // only the field that changed: the body is equal, updatedAt is @AuditIgnore
        JsonNode changes = change.get("data").get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("path").asText()).isEqualTo("title");
        assertThat(changes.get(0).get("old").asText()).isEqualTo("Old");
        assertThat(changes.get(0).get("new").asText()).isEqualTo("New");
        assertThat(change.get("data").get("transactionId").asText()).isNotBlank();

        // the create made its own pair; the entity row says which fields it set
        JsonNode create =
                single(items(auditor, "/api/activity?source=app&action=Create&targetType=Post&targetId=" + id));
        assertThat(create.get("data").get("changes").toString()).contains("\"Old\"", "Unchanged body", "alice");
        return requestId;
    }

    private static List<JsonNode> items(HttpUser auditor, String path) throws Exception {
        HttpResponse<String> r = auditor.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(HttpUser.json(r).get("items").spliterator(), false)
                .toList();
    }

    private static JsonNode single(List<JsonNode> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
