// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.readcases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.read.ActivityCsvWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a {@link ReadApiCase} against a running app: {@code /api/activity} following its cursors, the
 * export as JSON Lines and as CSV must return the expected seeds in the same order (other records in
 * the trail, such as the reads of this test, are ignored), the same JSON for each record, or all
 * three a 400 with the error body.
 */
public final class ReadApiConsistency {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A signed-in auditor's GET of a path with its query string. */
    @FunctionalInterface
    public interface Get {
        HttpResponse<String> get(String pathAndQuery) throws Exception;
    }

    private final Get http;
    private final Map<String, Integer> seedIndexById;

    private ReadApiConsistency(Get http, List<ActivityLog> seeds) {
        this.http = http;
        this.seedIndexById = seeds.stream().collect(Collectors.toMap(l -> l.id().toString(), seeds::indexOf));
    }

    /** Checks against an app whose trail holds {@code seeds} (from {@link Seeds#records()}). */
    public static ReadApiConsistency of(Get http, List<ActivityLog> seeds) {
        return new ReadApiConsistency(http, seeds);
    }

    /**
     * Asserts one case.
     *
     * @throws Exception when a request fails
     */
    public void check(ReadApiCase c) throws Exception {
        String and = c.query().isEmpty() ? "" : "&" + c.query();
        HttpResponse<String> jsonl = http.get("/api/activity/export?format=" + c.jsonl() + and);
        HttpResponse<String> csv = http.get("/api/activity/export?format=" + c.csv() + and);
        if (c.isBad()) {
            assertBadRequest(http.get("/api/activity?" + c.query()));
            assertBadRequest(jsonl);
            assertBadRequest(csv);
            return;
        }
        List<JsonNode> api = apiItems(c.query());
        List<Integer> expected = c.expectedIndexes();
        assertThat(indexes(api, n -> n.get("id").asText())).as("API ids").isEqualTo(expected);

        assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.body().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> seededLines = seeded(lines, n -> n.get("id").asText());
        assertThat(indexes(seededLines, n -> n.get("id").asText()))
                .as("JSON Lines ids")
                .isEqualTo(expected);
        assertThat(seededLines)
                .as("JSON Lines records")
                .isEqualTo(seeded(api, n -> n.get("id").asText()));

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = List.of(csv.body().split("\r\n", -1));
        assertThat(rows.get(0)).isEqualTo(String.join(",", ActivityCsvWriter.columns()));
        assertThat(rows.get(rows.size() - 1)).as("CSV ends with CRLF").isEmpty();
        // Record values never hold a raw line break (they are escaped when recorded), so a row is a line.
        assertThat(indexes(rows.subList(1, rows.size() - 1), r -> r.substring(0, r.indexOf(','))))
                .as("CSV ids")
                .isEqualTo(expected);
    }

    /**
     * Asserts that the export refuses a bad {@code format} (given as {@code query}) with a 400.
     *
     * @throws Exception when the request fails
     */
    public void checkBadFormat(String query) throws Exception {
        assertBadRequest(http.get("/api/activity/export?" + query));
    }

    private List<JsonNode> apiItems(String query) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String q = query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.get("/api/activity?" + q);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    private <T> List<T> seeded(List<T> all, Function<T, String> id) {
        return all.stream().filter(t -> seedIndexById.containsKey(id.apply(t))).toList();
    }

    private <T> List<Integer> indexes(List<T> all, Function<T, String> id) {
        return seeded(all, id).stream().map(t -> seedIndexById.get(id.apply(t))).toList();
    }

    private static void assertBadRequest(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.path("error").asText()).as(r.body()).isEqualTo("bad_request");
        assertThat(error.path("message").asText()).as(r.body()).isNotBlank();
    }
}
