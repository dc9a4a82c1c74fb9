// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Source;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A timed-out session is a Logout with reason "session expired"; an explicit logout is not counted
 * twice. The test expires the sessions the way Tomcat's background thread does, without waiting
 * for the timeout.
 */
@SpringBootTest(
        classes = BlogTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"audit.store=memory", "audit.trusted-proxies=127.0.0.1"})
class SessionExpiryIT {
    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void expiredSessionIsRecordedAsLogoutButExplicitLogoutOnlyOnce() throws Exception {
        AuditedApp app = new AuditedApp(recorder, store);
        app.clear(new Http(port));
        Http expiring = new Http(port);
        Http leaving = new Http(port);
        assertThat(expiring.formLogin("alice", BlogTestApplication.PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(leaving.formLogin("bob", BlogTestApplication.PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(leaving.send("POST", "/logout", "").statusCode()).isEqualTo(200);

        Context webapp = (Context)
                ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = webapp.getManager().findSession(expiring.cookie("JSESSIONID"));
        assertThat(session).isNotNull();
        session.expire();

        app.awaitAction(2, ActionType.LOGOUT);
        app.barrier(new Http(port));
        List<ActivityLog> logouts = app.records().stream()
                .filter(l -> l.action().equals(ActionType.LOGOUT))
                .toList();
        assertThat(logouts).extracting(l -> l.actor().orElse(null)).containsExactly("bob", "alice");
        ActivityLog expired = logouts.get(1);
        assertThat(expired.source()).isEqualTo(Source.AUTH);
        assertThat(expired.data()).containsEntry("reason", "session expired");
        assertThat(expiring.get("/api/posts").statusCode()).isEqualTo(401);
    }
}
