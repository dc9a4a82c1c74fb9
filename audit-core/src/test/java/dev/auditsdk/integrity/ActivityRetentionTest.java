// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityRetentionTest {
    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void purgesAfterTheMarkerIsStored() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        store.append(
                List.of(ActivityLog.builder(ActionType.READ).occurredAt(OLD).build()));
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(store).build()) {
            long deleted = ActivityRetention.purgeBefore(recorder, store, CUTOFF, Duration.ofSeconds(10));

            assertThat(deleted).isEqualTo(1);
            assertThat(store.find(ActivityQuery.builder().build()).items())
                    .extracting(ActivityLog::action)
                    .containsExactly(ActivityRetention.PURGE);
        }
    }

    @Test
    void aMarkerTheRecorderGaveUpOnStopsThePurge() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        store.append(
                List.of(ActivityLog.builder(ActionType.READ).occurredAt(OLD).build()));
        ActivitySink broken = batch -> {
            throw new IllegalStateException("sink down");
        };
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(broken)
                .retry(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .build()) {
            // flush() returns true here: the batch was given up, not left waiting
            assertThatThrownBy(() -> ActivityRetention.purgeBefore(recorder, store, CUTOFF, Duration.ofSeconds(10)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not in the store")
                    .hasMessageContaining("nothing purged");
            assertThat(recorder.stats().lost()).isEqualTo(1);
        }
        assertThat(store.find(ActivityQuery.builder().build()).items()).hasSize(1);
    }
}
