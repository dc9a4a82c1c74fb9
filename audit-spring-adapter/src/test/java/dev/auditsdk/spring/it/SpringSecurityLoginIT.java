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
import dev.auditsdk.spi.ActivityJson;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Login, failed login and logout: once each per interactive login, never the password. */
@SpringBootTest(
        classes = BlogTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"audit.store=memory", "audit.trusted-proxies=127.0.0.1"})
class SpringSecurityLoginIT {
    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    private AuditedApp app;

    @BeforeEach
    void setUp() {
        app = new AuditedApp(recorder, store);
        app.clear(new Http(port));
    }

    private List<ActivityLog> settled(Http http) {
        app.barrier(http);
        return app.records().stream()
                .filter(l -> !"barrier".equals(l.actor().orElse(null)))
                .toList();
    }

    @Test
    void formLoginIsRecordedOnceAndTheSessionIsTheActorAfterwards() {
        Http browser = new Http(port);
        assertThat(browser.formLogin("alice", BlogTestApplication.PASSWORD, "X-Request-Id", "login-req-1")
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/api/posts").statusCode()).isEqualTo(200);

        List<ActivityLog> records = settled(browser);
        assertThat(records).extracting(ActivityLog::action).containsExactly(ActionType.LOGIN, ActionType.READ);
        ActivityLog login = records.get(0);
        assertThat(login.actor()).contains("alice");
        assertThat(login.status()).isEqualTo(Status.SUCCESS);
        assertThat(login.source()).isEqualTo(Source.AUTH);
        assertThat(login.requestId()).contains("login-req-1");
        assertThat(login.clientIp()).contains("127.0.0.1");
        assertThat(login.httpPath()).contains("/login");
        assertThat(login.remarks()).contains("alice is logged in with ip:127.0.0.1");
        assertThat(records.get(1).actor()).contains("alice");
    }

    @Test
    void failedFormLoginIsRecordedOnceWithItsReasonAndNeverThePassword() {
        Http browser = new Http(port);
        String wrong = "wrong-Passw0rd-42";
        assertThat(browser.formLogin("alice", wrong, "X-Forwarded-For", "198.51.100.7")
                        .statusCode())
                .isEqualTo(401);

        List<ActivityLog> records = settled(browser);
        assertThat(records).hasSize(1);
        ActivityLog failed = records.get(0);
        assertThat(failed.action()).isEqualTo(ActionType.LOGIN_FAILED);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.actor()).isEmpty();
        assertThat(failed.clientIp()).contains("198.51.100.7");
        assertThat(failed.data()).containsEntry("username", "alice").containsEntry("reason", "BadCredentialsException");
        assertThat(ActivityJson.toJson(failed)).doesNotContain(wrong).doesNotContain(BlogTestApplication.PASSWORD);
    }

    @Test
    void failedBasicLoginIsRecordedOncePerAttempt() {
        Http client = new Http(port);
        assertThat(client.get("/api/posts", "Authorization", Http.basic("bob", "nope"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.get("/api/posts", "Authorization", Http.basic("nobody", "nope"))
                        .statusCode())
                .isEqualTo(401);

        List<ActivityLog> records = settled(client);
        assertThat(records)
                .extracting(ActivityLog::action)
                .containsExactly(ActionType.LOGIN_FAILED, ActionType.LOGIN_FAILED);
        assertThat(records).extracting(l -> l.data().get("username")).containsExactly("bob", "nobody");
        assertThat(records).allSatisfy(l -> assertThat(ActivityJson.toJson(l)).doesNotContain("nope"));
    }

    @Test
    void logoutIsRecordedOnceAndEndsTheSession() {
        Http browser = new Http(port);
        browser.formLogin("bob", BlogTestApplication.PASSWORD);
        assertThat(browser.send("POST", "/logout", "").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/posts").statusCode()).isEqualTo(401);

        List<ActivityLog> records = settled(browser);
        assertThat(records).extracting(ActivityLog::action).containsExactly(ActionType.LOGIN, ActionType.LOGOUT);
        ActivityLog logout = records.get(1);
        assertThat(logout.actor()).contains("bob");
        assertThat(logout.source()).isEqualTo(Source.AUTH);
        assertThat(logout.remarks()).contains("bob is logged out with ip:127.0.0.1");
    }
}
