// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The adapter in a Spring Boot 3.5 application: MVC capture, login listener and read API. */
@SpringBootTest(
        classes = Boot3Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"audit.store=memory", "audit.web.read-api.enabled=true"})
class SpringBoot35CompatibilityIT {
    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + Boot3Application.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private List<ActivityLog> records(int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            recorder.flush(Duration.ofSeconds(5));
            return store.size() >= atLeast;
        });
        List<ActivityLog> all = new ArrayList<>(store.all());
        Collections.reverse(all);
        return all;
    }

    @Test
    void capturesRequestsLoginsAndServesTheReadApiOnBoot35() throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        assertThat(send("POST", "/api/notes", "", "Authorization", basic("alice"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("GET", "/api/notes/1", "", "Authorization", basic("alice"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "POST",
                                "/login",
                                "username=alice&password=" + Boot3Application.PASSWORD,
                                "Content-Type",
                                "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(200);

        List<ActivityLog> records = records(3);
        assertThat(records)
                .extracting(ActivityLog::action)
                .containsExactly(ActionType.CREATE, ActionType.READ, ActionType.LOGIN);
        assertThat(records)
                .extracting(l -> l.target().orElse(null))
                .containsExactly(Target.of("Note", 1), Target.of("Note", 1), null);
        assertThat(records.get(1).httpRoute()).contains("/api/notes/{id}");
        assertThat(records.get(1).remarks()).contains("alice read note 1");
        assertThat(records.get(2).source()).isEqualTo(Source.AUTH);

        HttpResponse<String> read =
                send("GET", "/api/activity?actor=alice&limit=2", "", "Authorization", basic("auditor"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).startsWith("{\"items\":[").contains("\"nextCursor\":\"");
        HttpResponse<String> refused = send("GET", "/api/activity", "", "Authorization", basic("alice"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(records(5)).last().satisfies(l -> {
            assertThat(l.actor()).contains("alice");
            assertThat(l.status()).isEqualTo(Status.FAILED);
            assertThat(l.target()).contains(Target.of("ActivityLog", "*"));
        });
    }
}
