package dev.auditsdk;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a recorder's counters. Every record handed to {@link ActivityRecorder#record} ends
 * up in exactly one of {@code written}, {@code dropped}, {@code failed}, or is still queued or in
 * flight.
 *
 * @param enqueued records accepted for writing
 * @param written records the sink accepted
 * @param dropped records not accepted because the queue was full or the recorder closed
 * @param failed accepted records given up: retries exhausted, or not written by the close deadline
 * @param retried batch attempts that failed and were retried
 * @param failedBatches batches given up after their last retry
 * @param queueDepth records waiting in the queue now
 * @param oldestQueuedAge age of the oldest waiting record, zero when none wait
 * @param lastError the last sink failure, as "ExceptionClass: message"
 * @since 0.1
 */
public record RecorderStats(
        long enqueued,
        long written,
        long dropped,
        long failed,
        long retried,
        long failedBatches,
        int queueDepth,
        Duration oldestQueuedAge,
        Optional<String> lastError) {

    /** Records that will never be written: {@code dropped + failed}. */
    public long lost() {
        return dropped + failed;
    }
}
