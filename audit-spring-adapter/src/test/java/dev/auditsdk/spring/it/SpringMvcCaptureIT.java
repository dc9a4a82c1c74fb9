// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One record per handled request through a real server, real Spring Security and real HTTP. */
@SpringBootTest(
        classes = BlogTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"audit.store=memory", "audit.trusted-proxies=127.0.0.1"})
class SpringMvcCaptureIT {
    private static final String ALICE = Http.basic("alice", BlogTestApplication.PASSWORD);

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
    }

    private List<ActivityLog> aliceRecords() {
        app.barrier(http);
        return app.records().stream()
                .filter(l -> "alice".equals(l.actor().orElse(null)))
                .toList();
    }

    @Test
    void crudThroughAControllerMakesOneRecordEach() {
        HttpResponse<String> created = http.send("POST", "/api/posts", "Hello", "Authorization", ALICE);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(http.get("/api/posts/1", "Authorization", ALICE).statusCode())
                .isEqualTo(200);
        assertThat(http.send("PUT", "/api/posts/1", "Hello again", "Authorization", ALICE)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.send("DELETE", "/api/posts/1", "", "Authorization", ALICE)
                        .statusCode())
                .isEqualTo(204);

        List<ActivityLog> records = aliceRecords();
        assertThat(records)
                .extracting(ActivityLog::action)
                .containsExactly(ActionType.CREATE, ActionType.READ, ActionType.UPDATE, ActionType.DELETE);
        assertThat(records).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(Status.SUCCESS);
            assertThat(l.source()).isEqualTo(Source.HTTP);
            assertThat(l.target()).contains(Target.of("Post", 1));
            assertThat(l.clientIp()).contains("127.0.0.1");
            assertThat(l.requestId()).isPresent();
            assertThat(l.durationMs()).isPresent();
        });
        assertThat(records)
                .extracting(l -> l.httpRoute().orElse(null))
                .containsExactly("/api/posts", "/api/posts/{id}", "/api/posts/{id}", "/api/posts/{postId}");
        assertThat(records).extracting(l -> l.httpStatus().orElse(null)).containsExactly(201, 200, 200, 204);
        assertThat(records.get(0).data())
                .containsEntry("title", "Hello")
                .containsEntry("handler", "PostController#create");
        assertThat(records.get(1).remarks())
                .contains("User: alice -- Action Type: Read -- Path: /api/posts/1 -- Path Name: /api/posts/{id}");
        assertThat(records.get(2).remarks()).contains("alice changed post 1 via /api/posts/{id}");
        // Basic authentication on every request is not a login.
        assertThat(app.records()).noneMatch(l -> l.action().equals(ActionType.LOGIN));
    }

    @Test
    void failuresAreRecordedWithTheirStatus() {
        assertThat(http.get("/api/posts/404", "Authorization", ALICE).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/posts/boom", "Authorization", ALICE).statusCode())
                .isEqualTo(500);

        List<ActivityLog> records = aliceRecords();
        assertThat(records).hasSize(2).allSatisfy(l -> assertThat(l.status()).isEqualTo(Status.FAILED));
        assertThat(records.get(0).httpStatus()).contains(404);
        assertThat(records.get(1).httpStatus()).contains(500);
        assertThat(records.get(1).httpRoute()).contains("/api/posts/boom");
        assertThat(records.get(1).data()).containsEntry("exception", IllegalStateException.class.getName());
        assertThat(records.get(1).toString() + records.get(1).data()).doesNotContain("secret inside");
    }

    @Test
    void methodSecurityDenialIsRecordedWithTheFinalStatus() {
        assertThat(http.send("DELETE", "/api/posts/3/purge", "", "Authorization", ALICE)
                        .statusCode())
                .isEqualTo(403);

        List<ActivityLog> records = aliceRecords();
        assertThat(records).hasSize(1);
        ActivityLog denied = records.get(0);
        assertThat(denied.action()).isEqualTo(ActionType.DELETE);
        assertThat(denied.status()).isEqualTo(Status.FAILED);
        assertThat(denied.httpStatus()).contains(403);
        assertThat(denied.httpRoute()).contains("/api/posts/{id}/purge");
        assertThat(denied.data()).doesNotContainKey("exception");
    }

    @Test
    void noAuditAndCustomActionsAreHonoured() {
        assertThat(http.get("/api/posts/ping", "Authorization", ALICE).body()).isEqualTo("pong");
        assertThat(http.send("POST", "/api/posts/7/publish", "", "Authorization", ALICE)
                        .statusCode())
                .isEqualTo(200);

        List<ActivityLog> records = aliceRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).action()).isEqualTo(ActionType.of("Publish"));
        assertThat(records.get(0).remarks()).contains("published post 7");
        assertThat(records.get(0).target()).contains(Target.of("Post", 7));
    }

    @Test
    void requestsRefusedByTheSecurityChainAreRecordedForKnownUsersOnly() {
        assertThat(http.get("/api/admin/stats", "Authorization", ALICE).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/posts").statusCode()).isEqualTo(401);

        List<ActivityLog> records = aliceRecords();
        assertThat(records).hasSize(1);
        ActivityLog denied = records.get(0);
        assertThat(denied.status()).isEqualTo(Status.FAILED);
        assertThat(denied.httpStatus()).contains(403);
        assertThat(denied.httpPath()).contains("/api/admin/stats");
        assertThat(denied.httpRoute()).isEmpty();
        assertThat(denied.data()).containsEntry("denied", "forbidden");
        // The anonymous 401 is not recorded (audit.web.record-anonymous=false) and carried no credentials.
        assertThat(app.records()).allMatch(l -> l.actor().isPresent());
    }

    @Test
    void asyncHandlersAreRecordedOnceWhenTheyComplete() {
        HttpResponse<String> r = http.get("/api/posts/5/async", "Authorization", ALICE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("later");

        List<ActivityLog> records = aliceRecords();
        assertThat(records).hasSize(1);
        ActivityLog log = records.get(0);
        assertThat(log.action()).isEqualTo(ActionType.READ);
        assertThat(log.status()).isEqualTo(Status.SUCCESS);
        assertThat(log.httpRoute()).contains("/api/posts/{id}/async");
        assertThat(log.target()).contains(Target.of("Post", 5));
        assertThat(log.data()).containsEntry("async", true);
    }

    @Test
    void requestIdAndForwardedClientIpComeFromTrustedHeaders() {
        http.get("/api/posts", "Authorization", ALICE, "X-Request-Id", "req-12345", "X-Forwarded-For", "203.0.113.9");
        List<ActivityLog> records = aliceRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).requestId()).contains("req-12345");
        assertThat(records.get(0).clientIp()).contains("203.0.113.9");
    }
}
