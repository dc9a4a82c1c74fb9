// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityJsonWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ActivityLog hostile() {
        return ActivityLog.builder(ActionType.UPDATE)
                .occurredAt(Instant.parse("2026-03-01T10:00:00.123456Z"))
                .actor("zoë \"the\" \\admin\\ 😀")
                .remarks("line one\nline two\r\n\u0000\u2028 </script>")
                .target("Post", "42")
                .httpStatus(200)
                .data(Map.of("title", "naïve, \"quoted\"", "n", 7))
                .build();
    }

    @Test
    void everyFieldIsPresentAndAbsentOnesAreNull() throws Exception {
        JsonNode item = JSON.readTree(
                ActivityJsonWriter.item(ActivityLog.builder(ActionType.LOGIN).build()));
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(ActivityCsvWriter.columns());
        assertThat(fields)
                .contains(
                        "id",
                        "occurredAt",
                        "actor",
                        "action",
                        "status",
                        "remarks",
                        "targetType",
                        "targetId",
                        "clientIp",
                        "httpMethod",
                        "httpPath",
                        "httpRoute",
                        "httpStatus",
                        "data");
        assertThat(item.get("actor").isNull()).isTrue();
        assertThat(item.get("httpStatus").isNull()).isTrue();
        assertThat(item.get("targetType").isNull()).isTrue();
        assertThat(item.get("data").isObject()).isTrue();
        assertThat(item.get("action").asText()).isEqualTo("Login");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsUnicode() throws Exception {
        ActivityLog log = hostile();
        String line = ActivityJsonWriter.item(log);
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000");
        assertThat(line).contains("zoë").contains("😀");
        JsonNode item = JSON.readTree(line);
        assertThat(item.get("actor").asText()).isEqualTo(log.actor().orElseThrow());
        assertThat(item.get("remarks").asText()).isEqualTo(log.remarks().orElseThrow());
        assertThat(item.get("data").get("title").asText()).isEqualTo("naïve, \"quoted\"");
        assertThat(item.get("id").asText()).isEqualTo(log.id().toString());
        assertThat(item.get("occurredAt").asText()).isEqualTo("2026-03-01T10:00:00.123456Z");
        assertThat(item.get("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void writesPagesWithTheirCursorAndJsonLines() throws Exception {
        ActivityLog a = hostile();
        ActivityLog b = ActivityLog.builder(ActionType.READ).actor("bob").build();
        JsonNode page = JSON.readTree(ActivityJsonWriter.page(ActivityPage.of(List.of(a, b), "next-1")));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(1).get("actor").asText()).isEqualTo("bob");
        assertThat(page.get("nextCursor").asText()).isEqualTo("next-1");
        assertThat(JSON.readTree(ActivityJsonWriter.page(ActivityPage.of(List.of(), null)))
                        .get("nextCursor")
                        .isNull())
                .isTrue();

        StringWriter out = new StringWriter();
        ActivityJsonWriter.writeLine(a, out);
        ActivityJsonWriter.writeLine(b, out);
        List<String> lines = out.toString().lines().toList();
        assertThat(out.toString()).endsWith("\n");
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(JSON.readTree(ActivityJsonWriter.item(a)));
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(page.get("items").get(0));
    }

    @Test
    void errorBodiesAreEscapedToo() throws Exception {
        JsonNode error = JSON.readTree(ActivityJsonWriter.error("bad_request", "got '\"}\n'"));
        assertThat(error.get("error").asText()).isEqualTo("bad_request");
        assertThat(error.get("message").asText()).isEqualTo("got '\"}\n'");
    }
}
