// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.spi.ActivitySink;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Auditing that fails must not change the response or throw into the request. */
class RecordingFailureIT {

    @Test
    void aFailingSyncSinkDoesNotTouchTheResponse() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ActivitySink broken = new ActivitySink() {
            @Override
            public void append(List<ActivityLog> batch) {
                attempts.incrementAndGet();
                throw new IllegalStateException("database is down");
            }
        };
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                        .sink(broken)
                        .mode(RecorderMode.SYNC)
                        .build();
                TestServer server = TestServer.start(
                        ActivityRecordingFilter.builder(recorder).build())) {
            HttpResponse<String> ok = server.get("/fine", "X-Test-User", "alice");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("ok alice");
            HttpResponse<String> created = server.get("/status?code=201", "X-Test-User", "alice");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(attempts.get()).isEqualTo(2);
            assertThat(recorder.stats().failed()).isEqualTo(2);
        }
    }

    @Test
    void aClosedRecorderDoesNotTouchTheResponse() throws Exception {
        try (Recording recording = Recording.sync();
                TestServer server = TestServer.start(
                        ActivityRecordingFilter.builder(recording.recorder).build())) {
            recording.recorder.close();
            HttpResponse<String> r = server.send("DELETE", "/things/3", "X-Test-User", "alice");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok alice");
        }
    }
}
