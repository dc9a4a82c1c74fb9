// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while records are being lost — dropped, given up or skipped as damaged in the journal within
 * the last {@code audit.health.loss-window} — or while the writer is stuck: the oldest queued record
 * is older than {@code audit.health.stuck-after}. UP otherwise, with the recorder's counters as
 * details. Records waiting in the journal (the store is down, or a replay is running) are safe on
 * disk: the indicator stays UP and says so in the {@code journal} detail; if the journal fills up,
 * the records it refuses are counted as dropped or failed and the indicator goes DOWN.
 *
 * @since 0.1
 */
public final class AuditHealthIndicator implements HealthIndicator {
    private final ActivityRecorder recorder;
    private final Duration stuckAfter;
    private final Duration lossWindow;
    private final Clock clock;
    private long lastLost;
    private @Nullable Instant lastLossSeen;

    AuditHealthIndicator(ActivityRecorder recorder, Duration stuckAfter, Duration lossWindow, Clock clock) {
        this.recorder = recorder;
        this.stuckAfter = stuckAfter;
        this.lossWindow = lossWindow;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        RecorderStats s = recorder.stats();
        Instant now = clock.instant();
        long lost = s.lost() + s.journalSkipped();
        if (lost > lastLost) {
            lastLost = lost;
            lastLossSeen = now;
        }
        boolean losing =
                lastLossSeen != null && Duration.between(lastLossSeen, now).compareTo(lossWindow) < 0;
        boolean stuck = s.queueDepth() > 0 && s.oldestQueuedAge().compareTo(stuckAfter) > 0;
        Health.Builder h = losing || stuck ? Health.down() : Health.up();
        if (losing) {
            h.withDetail(
                    "reason",
                    "audit records were dropped, could not be written or were damaged in the journal since "
                            + lastLossSeen);
        } else if (stuck) {
            h.withDetail(
                    "reason",
                    "the audit writer is stuck: the oldest queued record is "
                            + s.oldestQueuedAge().toMillis() + " ms old");
        }
        if (s.journalBytes() > 0) {
            h.withDetail(
                    "journal",
                    "records wait in the local journal for the store (down, slow, or a replay "
                            + "is running); the oldest is about "
                            + s.oldestJournaledAge().toSeconds() + " s old");
        }
        return h.withDetail("enqueued", s.enqueued())
                .withDetail("written", s.written())
                .withDetail("dropped", s.dropped())
                .withDetail("failed", s.failed())
                .withDetail("queueDepth", s.queueDepth())
                .withDetail("oldestQueuedAgeMs", s.oldestQueuedAge().toMillis())
                .withDetail("spilled", s.spilled())
                .withDetail("replayed", s.replayed())
                .withDetail("quarantined", s.quarantined())
                .withDetail("journalBytes", s.journalBytes())
                .withDetail("oldestJournaledAgeMs", s.oldestJournaledAge().toMillis())
                .withDetail("journalSkipped", s.journalSkipped())
                .withDetail("held", s.held())
                .withDetail("discarded", s.discarded())
                .withDetail("lastError", s.lastError().orElse("none"))
                .build();
    }
}
