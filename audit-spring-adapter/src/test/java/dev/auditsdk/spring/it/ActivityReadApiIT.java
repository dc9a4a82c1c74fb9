// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/activity: filters, paging, the role check, errors, and every read recorded. */
@SpringBootTest(
        classes = BlogTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"audit.store=memory", "audit.web.read-api.enabled=true"})
class ActivityReadApiIT {
    private static final String AUDITOR = Http.basic("auditor", BlogTestApplication.PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    private Http http;
    private AuditedApp app;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        app = new AuditedApp(recorder, store);
        app.clear(http);
        Instant base = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < 25; i++) {
            int n = i;
            recorder.record(
                    ActionType.UPDATE,
                    b -> b.actor(n % 2 == 0 ? "carol" : "dave")
                            .occurredAt(base.plusSeconds(n))
                            .target("Invoice", n % 5)
                            .status(n % 7 == 0 ? Status.FAILED : Status.SUCCESS)
                            .remarks("changed invoice " + n + (n == 13 ? " UNLUCKY" : "")));
        }
        recorder.record(ActionType.LOGIN, b -> b.actor("carol").occurredAt(base.plusSeconds(100)));
        app.records();
    }

    private JsonNode read(String query) throws Exception {
        HttpResponse<String> r = http.get("/api/activity" + query, "Authorization", AUDITOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    @Test
    void filtersCombineAndItemsHaveTheDocumentedShape() throws Exception {
        JsonNode page = read("?actor=carol&action=Update&targetType=Invoice&targetId=0");
        // carol has the even n; target id n % 5 == 0: n = 0, 10, 20.
        assertThat(page.get("items")).hasSize(3);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("remarks").asText()).isEqualTo("changed invoice 20");
        for (String field : List.of(
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
                "data")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(read("?status=failed").get("items")).hasSize(4); // n = 0, 7, 14, 21
        assertThat(read("?q=unlucky").get("items")).hasSize(1);
        assertThat(read("?action=Login,Update&actor=carol").get("items")).hasSize(14);
        assertThat(read("?from=2026-03-01T10:00:10Z&to=2026-03-01T10:00:20Z&actor=dave")
                        .get("items"))
                .hasSize(5);
    }

    @Test
    void pagesNewestFirstWithACursorUntilTheEnd() throws Exception {
        List<String> remarks = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = read("?action=Update&limit=10"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.get("items").forEach(i -> remarks.add(i.get("remarks").asText().replace(" UNLUCKY", "")));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(remarks).hasSize(25).first().isEqualTo("changed invoice 24");
        assertThat(remarks).last().isEqualTo("changed invoice 0");
        assertThat(remarks).doesNotHaveDuplicates();
    }

    @Test
    void oneRecordById() throws Exception {
        ActivityLog login = app.records().stream()
                .filter(l -> l.action().equals(ActionType.LOGIN))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> r = http.get("/api/activity/" + login.id(), "Authorization", AUDITOR);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("action").asText()).isEqualTo("Login");
        assertThat(http.get("/api/activity/" + java.util.UUID.randomUUID(), "Authorization", AUDITOR)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/activity/not-a-uuid", "Authorization", AUDITOR)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void badParametersAreA400WithAClearMessage() throws Exception {
        for (String bad : List.of(
                "?limit=0",
                "?limit=ten",
                "?status=MAYBE",
                "?from=yesterday",
                "?cursor=garbage!",
                "?from=2026-03-02&to=2026-03-01",
                "?actor=a&actor=b")) {
            HttpResponse<String> r = http.get("/api/activity" + bad, "Authorization", AUDITOR);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("error").asText()).isEqualTo("bad_request");
            assertThat(error.get("message").asText()).as(bad).isNotBlank();
        }
        assertThat(JSON.readTree(http.get("/api/activity?limit=0", "Authorization", AUDITOR)
                                .body())
                        .get("message")
                        .asText())
                .contains("limit");
    }

    @Test
    void onlyAuditorsMayReadAndEveryReadIsRecorded() throws Exception {
        assertThat(http.get("/api/activity", "Authorization", Http.basic("alice", BlogTestApplication.PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/activity").statusCode()).isEqualTo(401);
        read("?actor=carol");

        List<ActivityLog> reads = app.await(
                2, l -> l.target().map(t -> t.type().equals("ActivityLog")).orElse(false));
        assertThat(reads).extracting(ActivityLog::action).containsOnly(ActionType.READ);
        ActivityLog denied = reads.get(0);
        assertThat(denied.actor()).contains("alice");
        assertThat(denied.status()).isEqualTo(Status.FAILED);
        assertThat(denied.httpStatus()).contains(403);
        ActivityLog allowed = reads.get(1);
        assertThat(allowed.actor()).contains("auditor");
        assertThat(allowed.status()).isEqualTo(Status.SUCCESS);
        assertThat(allowed.target()).contains(Target.of("ActivityLog", "*"));
        assertThat(allowed.data()).containsEntry("returned", 14);
        assertThat(allowed.data().get("query")).isEqualTo(java.util.Map.of("actor", "carol"));
    }
}
