// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AsyncRequestsIT {
    private static Recording recording;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        recording = Recording.async();
        server = TestServer.start(
                ActivityRecordingFilter.builder(recording.recorder).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        recording.close();
    }

    private static ActivityLog recordOf(String rid) {
        return recording.await(l -> l.requestId().orElse("").equals(rid));
    }

    private static long count(String rid) {
        return recording.all().stream()
                .filter(l -> l.requestId().orElse("").equals(rid))
                .count();
    }

    /** Awaits a recorded marker request, after which no late record of earlier requests can appear. */
    private static void settle() throws Exception {
        String marker = ActivityRecordingFilterIT.rid();
        server.get("/marker", "X-Request-Id", marker, "X-Test-User", "alice");
        recordOf(marker);
    }

    @Test
    void recordsOnCompletionNotAtDispatch() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        CompletableFuture<HttpResponse<String>> response = server.client.sendAsync(
                server.request("POST", "/async/gated?id=" + rid, "X-Request-Id", rid, "X-Test-User", "alice"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(AsyncServlet.started(rid).await(20, TimeUnit.SECONDS)).isTrue();
        // The first dispatch has returned; the request is still open because the gate is closed.
        settle();
        assertThat(count(rid)).isZero();

        AsyncServlet.gate(rid).countDown();
        assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        ActivityLog log = recordOf(rid);
        assertThat(log.httpStatus()).contains(201);
        assertThat(log.status()).isEqualTo(Status.SUCCESS);
        assertThat(log.remarks()).contains("finished asynchronously");
        assertThat(log.target()).contains(Target.of("Job", rid));
        assertThat(log.actor()).contains("alice");
        assertThat(log.httpPath()).contains("/async/gated");
        assertThat(log.httpRoute()).contains("async");
        settle();
        assertThat(count(rid)).isEqualTo(1);
    }

    @Test
    void timedOutAsyncRequestIsFailed() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        assertThat(server.get("/async/timeout", "X-Request-Id", rid, "X-Test-User", "alice")
                        .statusCode())
                .isEqualTo(500);
        ActivityLog log = recordOf(rid);
        assertThat(log.status()).isEqualTo(Status.FAILED);
        assertThat(log.httpStatus()).contains(500);
        assertThat(log.data()).containsEntry("exception", "java.util.concurrent.TimeoutException");
        settle();
        assertThat(count(rid)).isEqualTo(1);
    }

    @Test
    void asyncDispatchIsRecordedOnceWithTheFinalStatus() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        assertThat(server.get("/async/dispatch", "X-Request-Id", rid, "X-Test-User", "alice")
                        .statusCode())
                .isEqualTo(202);
        ActivityLog log = recordOf(rid);
        assertThat(log.httpStatus()).contains(202);
        assertThat(log.httpPath()).as("the path the client asked for").contains("/async/dispatch");
        settle();
        assertThat(count(rid)).isEqualTo(1);
    }

    @Test
    void exceptionInAnAsyncDispatchIsFailed() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        assertThat(server.get("/async/dispatch-throw", "X-Request-Id", rid, "X-Test-User", "alice")
                        .statusCode())
                .isEqualTo(500);
        ActivityLog log = recordOf(rid);
        assertThat(log.status()).isEqualTo(Status.FAILED);
        assertThat(log.httpStatus()).contains(500);
        assertThat(log.data()).containsEntry("exception", "java.lang.IllegalStateException");
        settle();
        assertThat(count(rid)).isEqualTo(1);
    }
}
