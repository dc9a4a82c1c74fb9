// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentRequestsIT {

    @Test
    void twoHundredConcurrentRequestsGiveTwoHundredRecords() throws Exception {
        try (Recording recording = Recording.async();
                TestServer server = TestServer.start(
                        ActivityRecordingFilter.builder(recording.recorder).build())) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                responses.add(server.client.sendAsync(
                        server.request(
                                i % 2 == 0 ? "GET" : "POST",
                                "/load/" + i,
                                "X-Request-Id",
                                "load-" + i,
                                "X-Test-User",
                                "user" + (i % 7)),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> r : responses) {
                assertThat(r.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            List<ActivityLog> all = recording.awaitCount(200);
            assertThat(all).hasSize(200);
            assertThat(all)
                    .extracting(l -> l.requestId().orElseThrow())
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id.startsWith("load-"));
            assertThat(all)
                    .allMatch(l -> l.httpPath()
                            .orElseThrow()
                            .equals("/load/" + l.requestId().orElseThrow().substring(5)));
            assertThat(all).allMatch(l -> l.actor().orElseThrow().startsWith("user"));
            assertThat(recording.recorder.stats().dropped()).isZero();
        }
    }
}
