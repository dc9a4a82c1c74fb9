// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;

/** The filter as a web.xml user gets it: instantiated by the container from its class name, configured by init-parameters. */
class WebXmlConfigIT {

    private static TestServer start(Recording recording, Map<String, String> params) throws Exception {
        return TestServer.start((ServletContextHandler ctx) -> {
            ctx.setAttribute(ActivityRecordingFilter.RECORDER_ATTRIBUTE, recording.recorder);
            FilterHolder holder = new FilterHolder();
            holder.setClassName(ActivityRecordingFilter.class.getName());
            holder.setAsyncSupported(true);
            holder.setInitParameters(params);
            ctx.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        });
    }

    @Test
    void initParametersConfigureEverything() throws Exception {
        try (Recording recording = Recording.async();
                TestServer server = start(
                        recording,
                        Map.of(
                                "record-anonymous", "true",
                                "trusted-proxies", "127.0.0.1/32, 10.0.0.0/8",
                                "request-id-header", "X-Correlation-Id",
                                "exclude-paths", "/health\n/static/**",
                                "exclude-statuses", "404",
                                "remarks-template", "{user} {action} {path} [{route}]",
                                "routes", "/api/posts/{id}=posts-detail",
                                "targets", "/api/posts/{id}=Post, /api/users/{user}/posts/{post}=Post:post",
                                "route-fallback", "mapping-pattern"))) {
            server.get("/health", "X-Correlation-Id", "h1");
            server.get("/status?code=404", "X-Correlation-Id", "n1");
            server.get("/api/posts/7", "X-Correlation-Id", "c1", "X-Forwarded-For", "198.51.100.1");
            server.get("/api/users/bob/posts/9", "X-Correlation-Id", "c2");
            server.get("/other", "X-Correlation-Id", "c3");
            ActivityLog post = recording.await(l -> l.requestId().orElse("").equals("c1"));
            assertThat(post.actor()).as("anonymous recorded").isEmpty();
            assertThat(post.remarks()).contains("None Read /api/posts/7 [posts-detail]");
            assertThat(post.clientIp()).contains("198.51.100.1");
            assertThat(post.target()).contains(Target.of("Post", "7"));
            assertThat(recording
                            .await(l -> l.requestId().orElse("").equals("c2"))
                            .target())
                    .contains(Target.of("Post", "9"));
            assertThat(recording
                            .await(l -> l.requestId().orElse("").equals("c3"))
                            .httpRoute())
                    .contains("/*");
            assertThat(recording.all())
                    .extracting(l -> l.requestId().orElseThrow())
                    .doesNotContain("h1", "n1");
        }
    }

    @Test
    void enabledFalseRecordsNothing() throws Exception {
        try (Recording recording = Recording.async();
                TestServer server = start(recording, Map.of("enabled", "false", "record-anonymous", "true"))) {
            assertThat(server.get("/anything").statusCode()).isEqualTo(200);
            assertThat(recording.all()).isEmpty();
        }
    }

    @Test
    void typosFailAtStartup() {
        try (Recording recording = Recording.async()) {
            assertThatThrownBy(() ->
                            start(recording, Map.of("record-anonymus", "true")).close())
                    .hasStackTraceContaining("unknown init-parameter 'record-anonymus'");
        }
    }
}
