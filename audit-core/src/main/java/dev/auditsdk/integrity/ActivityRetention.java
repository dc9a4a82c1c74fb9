// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.spi.ActivityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Retention that keeps the trail verifiable: before deleting, it records (through the recorder, so
 * the marker is itself chained and checkpointed) that everything before the cutoff is being
 * removed; the {@link ActivityVerifier} reads that marker and does not report the removed ranges
 * as tampering.
 *
 * @since 0.1
 */
public final class ActivityRetention {
    /** The action of a retention marker. */
    public static final ActionType PURGE = ActionType.of("Purge");
    /** The data key holding the cutoff (ISO-8601) in a retention marker. */
    public static final String PURGED_BEFORE = "purgedBefore";

    private ActivityRetention() {}

    /**
     * Records the retention marker, waits until the store holds it, then purges. The store must be
     * where the recorder writes (directly or behind its sink): the marker is looked up there by id,
     * so a marker that was dropped, given up or is still waiting in the journal stops the purge.
     *
     * @return how many records the store deleted
     * @throws IllegalStateException when the marker was not stored within {@code timeout} (nothing
     *     was deleted)
     */
    public static long purgeBefore(ActivityRecorder recorder, ActivityStore store, Instant cutoff, Duration timeout) {
        Objects.requireNonNull(store, "store");
        ActivityLog marker = ActivityLog.builder(PURGE)
                .remarks("Retention: records before " + cutoff + " removed")
                .data(Map.of(PURGED_BEFORE, cutoff.toString()))
                .build();
        recorder.record(marker);
        if (!recorder.flush(timeout)) {
            throw new IllegalStateException(
                    "the retention marker was not written within " + timeout + "; nothing purged");
        }
        // flush() also returns once a batch is given up or spilled: only the stored marker makes the purge safe
        if (store.get(marker.id()).isEmpty()) {
            throw new IllegalStateException("the retention marker " + marker.id()
                    + " is not in the store (see the recorder's stats and log); nothing purged");
        }
        return store.purgeBefore(cutoff);
    }
}
