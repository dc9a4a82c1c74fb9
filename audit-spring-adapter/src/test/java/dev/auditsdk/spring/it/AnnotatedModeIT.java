// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code audit.web.mode=annotated}, and the actuator's view of the recorder (health, meters). */
@SpringBootTest(
        classes = BlogTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "audit.store=memory",
            "audit.web.mode=annotated",
            "audit.web.read-api.enabled=true",
            "audit.web.read-api.path=/audit/trail",
            "audit.web.read-api.role=INSPECTOR",
            "management.endpoints.web.exposure.include=health,metrics",
            "management.endpoint.health.show-details=always"
        })
class AnnotatedModeIT {
    private static final String ALICE = Http.basic("alice", BlogTestApplication.PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    @Autowired
    MeterRegistry meters;

    @Test
    void onlyAnnotatedHandlersAreRecorded() {
        Http http = new Http(port);
        AuditedApp app = new AuditedApp(recorder, store);
        app.clear(http);
        http.send("POST", "/api/posts", "not recorded", "Authorization", ALICE);
        http.get("/api/posts", "Authorization", ALICE);
        http.send("POST", "/api/posts/3/publish", "", "Authorization", ALICE);

        app.await(1, l -> "alice".equals(l.actor().orElse(null)));
        http.send("PUT", "/api/posts/1", "annotated", "Authorization", ALICE);
        app.await(2, l -> "alice".equals(l.actor().orElse(null)));
        List<ActivityLog> records = app.records();
        assertThat(records)
                .extracting(l -> l.httpRoute().orElse(null))
                .containsExactly("/api/posts/{id}/publish", "/api/posts/{id}");
    }

    @Test
    void readApiPathAndRoleAreConfigurable() {
        Http http = new Http(port);
        assertThat(http.get("/audit/trail", "Authorization", Http.basic("auditor", BlogTestApplication.PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/audit/trail", "Authorization", Http.basic("inspector", BlogTestApplication.PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/activity", "Authorization", Http.basic("inspector", BlogTestApplication.PASSWORD))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void healthAndMetersShowTheRecorder() throws Exception {
        Http http = new Http(port);
        http.send("POST", "/api/posts/3/publish", "", "Authorization", ALICE);
        new AuditedApp(recorder, store).await(1, l -> true);
        JsonNode health =
                new ObjectMapper().readTree(http.get("/actuator/health").body());
        assertThat(health.at("/components/audit/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/audit/details/written").asLong()).isPositive();
        assertThat(meters.get("audit.records.written").functionCounter().count())
                .isPositive();
    }
}
