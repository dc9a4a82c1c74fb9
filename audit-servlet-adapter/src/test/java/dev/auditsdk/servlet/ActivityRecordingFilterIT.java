// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import dev.auditsdk.http.ActivityFilters;
import dev.auditsdk.http.HttpActivityMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityRecordingFilterIT {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static Recording recording;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        recording = Recording.async();
        ActivityRecordingFilter filter = ActivityRecordingFilter.builder(recording.recorder)
                .mapper(HttpActivityMapper.builder()
                        .filter(ActivityFilters.excludePaths("/health", "/static/**"))
                        .build())
                .route("/api/posts/{id}", "posts-detail")
                .target("/api/posts/{id}", "Post")
                .build();
        server = TestServer.start(filter);
    }

    @AfterAll
    static void stop() {
        server.close();
        recording.close();
    }

    static String rid() {
        return "it-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID();
    }

    private static ActivityLog recordOf(String rid) {
        return recording.await(l -> l.requestId().orElse("").equals(rid));
    }

    /** Proves a request left no record: a later, recorded marker request is awaited first. */
    private static void assertNotRecorded(String rid) throws Exception {
        String marker = rid();
        server.get("/marker", "X-Request-Id", marker, "X-Test-User", "alice");
        recordOf(marker);
        assertThat(recording.all()).noneMatch(l -> l.requestId().orElse("").equals(rid));
    }

    @ParameterizedTest
    @CsvSource({"GET, Read", "HEAD, Read", "POST, Create", "PUT, Update", "PATCH, Update", "DELETE, Delete"})
    void mapsEachMethod(String method, String action) throws Exception {
        String rid = rid();
        HttpResponse<String> r = server.send(method, "/things/1", "X-Request-Id", rid, "X-Test-User", "alice");
        assertThat(r.statusCode()).isEqualTo(200);
        ActivityLog log = recordOf(rid);
        assertThat(log.action()).isEqualTo(ActionType.of(action));
        assertThat(log.httpMethod()).contains(method);
        assertThat(log.status()).isEqualTo(Status.SUCCESS);
        assertThat(log.source()).isEqualTo(Source.HTTP);
        assertThat(log.actor()).contains("alice");
    }

    @Test
    void optionsIsNotRecorded() throws Exception {
        String rid = rid();
        server.send("OPTIONS", "/things/1", "X-Request-Id", rid, "X-Test-User", "alice");
        assertNotRecorded(rid);
    }

    @ParameterizedTest
    @CsvSource({
        "/status?code=201, 201, SUCCESS",
        "/status?code=302, 302, SUCCESS",
        "/status?code=404, 404, FAILED",
        "/senderror?code=403, 403, FAILED",
        "/status?code=500, 500, FAILED",
        "/senderror?code=503, 503, FAILED"
    })
    void statusFromTheResponse(String path, int code, Status status) throws Exception {
        String rid = rid();
        assertThat(server.get(path, "X-Request-Id", rid, "X-Test-User", "alice").statusCode())
                .isEqualTo(code);
        ActivityLog log = recordOf(rid);
        assertThat(log.httpStatus()).contains(code);
        assertThat(log.status()).isEqualTo(status);
    }

    @Test
    void thrownExceptionIsFailed500WithoutItsMessage() throws Exception {
        String rid = rid();
        assertThat(server.post("/throw", rid).statusCode()).isEqualTo(500);
        ActivityLog log = recordOf(rid);
        assertThat(log.status()).isEqualTo(Status.FAILED);
        assertThat(log.httpStatus()).contains(500);
        assertThat(log.action()).isEqualTo(ActionType.CREATE);
        assertThat(log.data()).containsEntry("exception", "java.lang.IllegalStateException");
        assertThat(log.toString() + log.data() + log.remarks()).doesNotContain("hunter2");
        assertNotRecordedTwice(rid);
    }

    @Test
    void errorDispatchOfSendErrorIsNotRecordedAgain() throws Exception {
        String rid = rid();
        HttpResponse<String> r =
                server.send("DELETE", "/senderror?code=409", "X-Request-Id", rid, "X-Test-User", "alice");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(recordOf(rid).httpStatus()).contains(409);
        assertNotRecordedTwice(rid);
    }

    private static void assertNotRecordedTwice(String rid) throws Exception {
        String marker = rid();
        server.get("/marker", "X-Request-Id", marker, "X-Test-User", "alice");
        recordOf(marker);
        assertThat(recording.all())
                .filteredOn(l -> l.requestId().orElse("").equals(rid))
                .hasSize(1);
    }

    @Test
    void anonymousIsSkippedByDefault() throws Exception {
        String rid = rid();
        assertThat(server.get("/public", "X-Request-Id", rid).body()).isEqualTo("ok anonymous");
        assertNotRecorded(rid);
    }

    @Test
    void containerPrincipalIsTheActor() throws Exception {
        String rid = rid();
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = server.get("/secure/profile", "X-Request-Id", rid, "Authorization", basic);
        assertThat(r.body()).isEqualTo("ok alice");
        ActivityLog log = recordOf(rid);
        assertThat(log.actor()).contains("alice");
        assertThat(log.remarks())
                .contains("User: alice -- Action Type: Read -- Path: /secure/profile -- Path Name: app");
    }

    @Test
    void rejectedCredentialsAreAnonymousAndSkipped() throws Exception {
        String rid = rid();
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes(StandardCharsets.UTF_8));
        assertThat(server.get("/secure/profile", "X-Request-Id", rid, "Authorization", basic)
                        .statusCode())
                .isEqualTo(401);
        assertNotRecorded(rid);
    }

    @Test
    void excludedPathsAreNotRecorded() throws Exception {
        String a = rid();
        String b = rid();
        assertThat(server.get("/health", "X-Request-Id", a, "X-Test-User", "alice")
                        .body())
                .as("an excluded request is passed through before any work")
                .isEqualTo("attached=false");
        assertThat(server.get("/attached", "X-Test-User", "alice").body()).isEqualTo("attached=true");
        server.get("/static/css/site.css", "X-Request-Id", b, "X-Test-User", "alice");
        assertNotRecorded(a);
        assertNotRecorded(b);
    }

    @Test
    void pathParametersNeverReachARecordNorDodgeExclusions() throws Exception {
        String rid = rid();
        server.get("/cart;jsessionid=SECRET123/items;v=2", "X-Request-Id", rid, "X-Test-User", "alice");
        ActivityLog log = recordOf(rid);
        assertThat(log.httpPath()).contains("/cart/items");
        assertThat(log.remarks().orElseThrow()).doesNotContain("SECRET123");
        String excluded = rid();
        server.get("/health;x=1", "X-Request-Id", excluded, "X-Test-User", "alice");
        assertNotRecorded(excluded);
    }

    @Test
    void handlerSkipsThroughTheContext() throws Exception {
        String rid = rid();
        server.get("/skip", "X-Request-Id", rid, "X-Test-User", "alice");
        assertNotRecorded(rid);
    }

    @Test
    void remarksTargetAndDataFromTheHandler() throws Exception {
        String rid = rid();
        server.send("PUT", "/context", "X-Request-Id", rid, "X-Test-User", "alice");
        ActivityLog log = recordOf(rid);
        assertThat(log.remarks()).contains("published post 99");
        assertThat(log.target()).contains(Target.of("Post", 99));
        assertThat(log.data()).containsEntry("title", "Hello");
    }

    @Test
    void routeAndTargetFromPathPatternsInTheSeedsRemarks() throws Exception {
        String rid = rid();
        server.send("PATCH", "/api/posts/7", "X-Request-Id", rid, "X-Test-User", "alice");
        ActivityLog log = recordOf(rid);
        assertThat(log.httpRoute()).contains("posts-detail");
        assertThat(log.target()).contains(Target.of("Post", "7"));
        assertThat(log.remarks())
                .contains("User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail");
        String other = rid();
        server.get("/api/posts", "X-Request-Id", other, "X-Test-User", "alice");
        assertThat(recordOf(other).httpRoute())
                .as("servlet name when no template matches")
                .contains("posts");
    }

    @Test
    void requestFacts() throws Exception {
        String rid = rid();
        server.get(
                "/facts?q=1",
                "X-Request-Id",
                rid,
                "X-Test-User",
                "alice",
                "User-Agent",
                "test-agent/1.0",
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ActivityLog log = recordOf(rid);
        assertThat(log.httpPath()).contains("/facts");
        assertThat(log.clientIp()).contains("127.0.0.1");
        assertThat(log.userAgent()).contains("test-agent/1.0");
        assertThat(log.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(log.durationMs()).isPresent();
        assertThat(log.httpStatus()).contains(200);
    }

    @Test
    void hostileTextIsStoredHarmlessly() throws Exception {
        String rid = rid();
        HttpResponse<String> r = server.get(
                "/x/%0D%0ASet-Cookie:%20a=b/%3Cscript%3Ealert(1)%3C/script%3E",
                "X-Request-Id",
                rid,
                "X-Test-User",
                "alice",
                "User-Agent",
                "<script>alert(1)</script>" + "A".repeat(5000));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ActivityLog log = recordOf(rid);
        assertThat(log.httpPath().orElseThrow()).doesNotContain("\r", "\n", "<").contains("%0D%0A", "%3Cscript%3E");
        assertThat(log.remarks().orElseThrow()).doesNotContain("\r", "\n");
        assertThat(log.userAgent().orElseThrow()).startsWith("<script>").hasSizeLessThanOrEqualTo(512);

        String bad = server.get("/y", "X-Request-Id", "<script>alert(1)</script>", "X-Test-User", "alice")
                .body();
        assertThat(bad).isEqualTo("ok alice");
        ActivityLog generated = recording.awaitPath("/y");
        assertThat(UUID.fromString(generated.requestId().orElseThrow()).version())
                .isEqualTo(7);
    }

    @Test
    void rawControlCharactersInHeadersAreEscaped() throws Exception {
        String rid = rid();
        RawHttp.send(
                server,
                "GET /raw HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: " + rid + "\r\nX-Test-User: alice\r\n"
                        + "User-Agent: a\tb\u00e9\r\nConnection: close\r\n\r\n");
        ActivityLog log = recordOf(rid);
        assertThat(log.userAgent().orElseThrow()).doesNotContain("\t").contains("\\t");

        String raw = rid();
        RawHttp.send(
                server,
                "GET /r/<script>alert(1)</script> HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: " + raw
                        + "\r\nX-Test-User: alice\r\nConnection: close\r\n\r\n");
        ActivityLog script = recordOf(raw);
        assertThat(script.httpPath()).contains("/r/<script>alert(1)</script>");
        assertThat(script.remarks().orElseThrow())
                .contains("Path: /r/<script>alert(1)</script>")
                .doesNotContain("\n");
    }

    @Test
    void manyRecordsKeepDistinctIds() {
        List<ActivityLog> all = recording.all();
        assertThat(all).extracting(ActivityLog::id).doesNotHaveDuplicates();
    }
}
