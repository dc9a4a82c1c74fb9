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
     * Records the retention marker, waits until it is written, then purges.
     *
     * @return how many records the store deleted
     * @throws IllegalStateException when the marker could not be written within {@code timeout}
     *     (nothing was deleted)
     */
    public static long purgeBefore(ActivityRecorder recorder, ActivityStore store, Instant cutoff, Duration timeout) {
        Objects.requireNonNull(store, "store");
        recorder.record(ActivityLog.builder(PURGE)
                .remarks("Retention: records before " + cutoff + " removed")
                .data(Map.of(PURGED_BEFORE, cutoff.toString()))
                .build());
        if (!recorder.flush(timeout)) {
            throw new IllegalStateException(
                    "the retention marker was not written within " + timeout + "; nothing purged");
        }
        return store.purgeBefore(cutoff);
    }
}
