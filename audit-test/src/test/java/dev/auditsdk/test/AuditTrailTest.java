// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Sanitizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    @Test
    void recordIsVisibleAsSoonAsRecordReturns() {
        try (AuditTrail trail = AuditTrail.create()) {
            trail.recorder().record(ActionType.UPDATE, b -> b.actor("alice").target("Post", 42));

            assertThat(trail.records()).singleElement().satisfies(l -> {
                assertThat(l.actor()).contains("alice");
                assertThat(l.integrity()).as("chained like in production").isPresent();
            });
        }
    }

    @Test
    void sanitizesAndRedactsLikeTheRealRecorder() {
        try (AuditTrail trail = AuditTrail.create()) {
            trail.recorder()
                    .record(
                            ActionType.LOGIN,
                            b -> b.actor("alice")
                                    .remarks("line one\r\nforged line")
                                    .data(Map.of("password", "hunter2", "field", "title")));

            ActivityLog log = trail.records().get(0);
            assertThat(log.data()).containsEntry("password", "[REDACTED]").containsEntry("field", "title");
            assertThat(log.remarks().orElseThrow()).doesNotContain("\r", "\n");
        }
    }

    @Test
    void usesTheGivenClockAndSanitizer() {
        Instant at = Instant.parse("2024-05-01T10:15:30Z");
        Sanitizer sanitizer = Sanitizer.builder().redactKeys(List.of("iban")).build();
        try (AuditTrail trail = AuditTrail.builder()
                .clock(Clock.fixed(at, ZoneOffset.UTC))
                .sanitizer(sanitizer)
                .build()) {
            trail.recorder().record(ActionType.CREATE, b -> b.data(Map.of("iban", "DE02", "password", "kept")));

            ActivityLog log = trail.records().get(0);
            assertThat(log.occurredAt()).isEqualTo(at);
            assertThat(log.data()).containsEntry("iban", "[REDACTED]").containsEntry("password", "kept");
        }
    }

    @Test
    void recordsAreOldestFirstAndQueryableThroughTheStore() {
        try (AuditTrail trail = AuditTrail.create()) {
            Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
            trail.recorder()
                    .record(ActivityLog.builder(ActionType.CREATE)
                            .occurredAt(t0)
                            .actor("a")
                            .build());
            trail.recorder()
                    .record(ActivityLog.builder(ActionType.READ)
                            .occurredAt(t0.plusSeconds(1))
                            .actor("b")
                            .build());

            assertThat(trail.records())
                    .extracting(ActivityLog::action)
                    .containsExactly(ActionType.CREATE, ActionType.READ);
            assertThat(trail.store()
                            .find(ActivityQuery.builder().actor("b").build())
                            .items())
                    .hasSize(1);
        }
    }

    @Test
    void clearForgetsEverything() {
        try (AuditTrail trail = AuditTrail.create()) {
            trail.recorder().record(ActionType.READ, b -> b.actor("alice"));
            trail.recorder().record(ActivityLogs.login());

            trail.clear();

            assertThat(trail.records()).isEmpty();
            trail.recorder().record(ActionType.READ, b -> b.actor("bob"));
            assertThat(trail.records()).hasSize(1);
        }
    }

    @Test
    void keepsEveryRecordOfConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (AuditTrail trail = AuditTrail.create()) {
            List<Future<?>> done = IntStream.range(0, 4)
                    .<Future<?>>mapToObj(t -> pool.submit(() -> IntStream.range(0, 250)
                            .forEach(i -> trail.recorder().record(ActionType.READ, b -> b.actor("u" + t)))))
                    .toList();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(trail.records()).hasSize(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesRecordsOnceClosed() {
        AuditTrail trail = AuditTrail.create();
        trail.close();

        assertThatThrownBy(() -> trail.recorder().record(ActivityLogs.login()))
                .isInstanceOf(IllegalStateException.class);
    }
}
