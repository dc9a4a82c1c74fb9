// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.spi.ActivityJson;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServletLoginsIT {
    private static Recording recording;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        recording = Recording.async();
        ActivityRecordingFilter filter =
                ActivityRecordingFilter.builder(recording.recorder).build();
        server = TestServer.start(filter);
        server.context.getServletContext().setAttribute("test.logins", filter.logins());
    }

    @AfterAll
    static void stop() {
        server.close();
        recording.close();
    }

    private static HttpResponse<String> login(String rid, String query, String username, String password)
            throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.base.resolve("/login" + query))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Request-Id", rid)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return server.client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<ActivityLog> recordsOf(String rid, int n) {
        recording.await(l -> l.requestId().orElse("").equals(rid) && l.source() == Source.HTTP);
        return recording.all().stream()
                .filter(l -> l.requestId().orElse("").equals(rid))
                .toList();
    }

    private static ActivityLog auth(List<ActivityLog> logs) {
        return logs.stream().filter(l -> l.source() == Source.AUTH).findFirst().orElseThrow();
    }

    private static void assertNoRecordContains(String secret) {
        assertThat(recording.all())
                .allSatisfy(l -> assertThat(ActivityJson.toJson(l)).doesNotContain(secret));
    }

    @Test
    void containerLoginSucceeds() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        assertThat(login(rid, "", "alice", "secret").body()).isEqualTo("welcome alice");
        List<ActivityLog> logs = recordsOf(rid, 2);
        ActivityLog login = auth(logs);
        assertThat(login.action()).isEqualTo(ActionType.LOGIN);
        assertThat(login.actor()).contains("alice");
        assertThat(login.remarks()).contains("alice is logged in with ip:127.0.0.1");
        assertThat(login.status()).isEqualTo(Status.SUCCESS);
        ActivityLog http =
                logs.stream().filter(l -> l.source() == Source.HTTP).findFirst().orElseThrow();
        assertThat(http.actor())
                .as("the request row sees the user logged in during the request")
                .contains("alice");
        assertThat(http.requestId()).isEqualTo(login.requestId());
        assertNoRecordContains("secret\"");
    }

    @Test
    void containerLoginFails() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        String password = "Tr0ub4dor&3-unique";
        assertThat(login(rid, "", "bob", password).statusCode()).isEqualTo(401);
        recording.await(l -> l.requestId().orElse("").equals(rid));
        ActivityLog failed = recording.await(l -> l.requestId().orElse("").equals(rid) && l.source() == Source.AUTH);
        assertThat(failed.action()).isEqualTo(ActionType.LOGIN_FAILED);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.actor()).isEmpty();
        assertThat(failed.remarks()).contains("Login Attempt Failed for bob with ip: 127.0.0.1");
        assertThat(failed.data()).containsEntry("username", "bob").containsEntry("reason", ServletLogins.REJECTED);
        assertNoRecordContains(password);
    }

    @Test
    void hostileUsernameIsStoredHarmlessly() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        String evil = "eve\r\nUser: admin -- Action Type: Delete <script>alert(1)</script>" + "x".repeat(3000);
        login(rid, "?mode=own", evil, "nope-unique-pw");
        ActivityLog failed = recording.await(l -> l.requestId().orElse("").equals(rid) && l.source() == Source.AUTH);
        assertThat(failed.remarks().orElseThrow())
                .startsWith("Login Attempt Failed for eve\\r\\nUser: admin")
                .doesNotContain("\r", "\n")
                .contains("<script>")
                .endsWith("with ip: 127.0.0.1");
        assertThat((String) failed.data().get("username"))
                .hasSizeLessThanOrEqualTo(255)
                .doesNotContain("\n");
        assertThat(failed.data()).containsEntry("reason", "bad password");
        assertNoRecordContains("nope-unique-pw");
    }

    @Test
    void ownLoginServletSucceeds() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        assertThat(login(rid, "?mode=own", "carol", "letmein").body()).isEqualTo("welcome");
        ActivityLog login = recording.await(l -> l.requestId().orElse("").equals(rid) && l.source() == Source.AUTH);
        assertThat(login.action()).isEqualTo(ActionType.LOGIN);
        assertThat(login.remarks()).contains("carol is logged in with ip:127.0.0.1");
    }

    @Test
    void logoutIsRecordedForTheUserWhoLeft() throws Exception {
        String rid = ActivityRecordingFilterIT.rid();
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        assertThat(server.send("POST", "/secure/logout", "X-Request-Id", rid, "Authorization", basic)
                        .body())
                .isEqualTo("bye");
        ActivityLog logout = recording.await(l -> l.requestId().orElse("").equals(rid) && l.source() == Source.AUTH);
        assertThat(logout.action()).isEqualTo(ActionType.LOGOUT);
        assertThat(logout.actor()).contains("alice");
        assertThat(logout.remarks()).contains("alice is logged out with ip:127.0.0.1");
        ActivityLog http = recording.await(l -> l.requestId().orElse("").equals(rid) && l.source() == Source.HTTP);
        assertThat(http.actor())
                .as("principal at arrival, as logout cleared it")
                .contains("alice");
    }
}
