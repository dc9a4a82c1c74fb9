// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Path parameters ({@code ;jsessionid=}) never reach a record of the Spring capture: the path
 * rule is core's, the same as the servlet filter's. Spring Security's firewall rejects semicolons
 * by default; this application allows them, as some containers with URL-rewritten sessions need.
 */
@SpringBootTest(
        classes = {BlogTestApplication.class, PathParametersIT.Semicolons.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "audit.store=memory")
class PathParametersIT {
    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    InMemoryActivityStore store;

    @TestConfiguration(proxyBeanMethods = false)
    static class Semicolons {
        @Bean
        HttpFirewall semicolonFirewall() {
            StrictHttpFirewall firewall = new StrictHttpFirewall();
            firewall.setAllowSemicolon(true);
            return firewall;
        }
    }

    @Test
    void recordsThePathWithoutTheSessionId() {
        Http http = new Http(port);
        AuditedApp app = new AuditedApp(recorder, store);
        app.clear(http);
        http.get("/api/posts;jsessionid=ABC/7", "Authorization", Http.basic("alice", BlogTestApplication.PASSWORD));

        app.barrier(http);
        List<ActivityLog> records = app.records().stream()
                .filter(l -> "alice".equals(l.actor().orElse(null)))
                .toList();
        assertThat(records).singleElement().satisfies(l -> {
            assertThat(l.httpPath()).contains("/api/posts/7");
            assertThat(l.httpRoute()).contains("/api/posts/{id}");
            assertThat(l.remarks().orElseThrow())
                    .contains("Path: /api/posts/7 ")
                    .doesNotContain("jsessionid");
        });
    }
}
