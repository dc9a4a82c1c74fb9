// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.auditsdk.ActionType;
import dev.auditsdk.Status;
import dev.auditsdk.test.AuditTrail;
import dev.auditsdk.test.spring.AutoConfigureAuditTrail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through a real server on a random port. The adapter records after the response was sent, so
 * the assertion waits for the record with Awaitility.
 */
@SpringBootTest(
        classes = BlogApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "audit.web.record-anonymous=true")
@AutoConfigureAuditTrail
class RealServerIT {
    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Test
    void aRequestToTheRunningServerIsAudited() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts/7"))
                                .PUT(HttpRequest.BodyPublishers.ofString("Hi"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(trail)
                        .hasRecorded(ActionType.UPDATE)
                        .on("Post", 7)
                        .withStatus(Status.SUCCESS)
                        .fromIp("127.0.0.1"));
    }
}
