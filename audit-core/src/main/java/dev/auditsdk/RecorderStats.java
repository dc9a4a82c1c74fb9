package dev.auditsdk;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a recorder's counters. Every record handed to {@link ActivityRecorder#record} ends
 * up in exactly one of {@code written}, {@code dropped}, {@code failed}, {@code quarantined},
 * {@code spilled}, or is still queued or in flight. Spilled records wait in the local journal and
 * are counted again in {@code replayed} once the sink accepted them.
 *
 * @param enqueued records accepted for writing
 * @param written records the sink accepted straight from the queue
 * @param dropped records not accepted because the queue (or journal) was full or the recorder closed
 * @param failed accepted records given up: retries exhausted, or not written by the close deadline,
 *     and no journal could take them
 * @param retried batch attempts that failed and were retried
 * @param failedBatches batches lost: given up after their last attempt with no journal to take them
 *     (a batch saved in the journal counts in {@code spilled} instead)
 * @param queueDepth records waiting in the queue now
 * @param oldestQueuedAge age of the oldest waiting record, zero when none wait
 * @param lastError the last sink failure, as "ExceptionClass: message"
 * @param spilled records written to the journal (in DURABLE mode: every record)
 * @param replayed records copied from the journal to the sink, including those an earlier run left
 * @param quarantined poison records the sink rejected alone while accepting others; kept in the
 *     journal's {@code quarantine.jsonl}; without a journal they are counted in {@code failed}
 * @param journalBytes journal bytes not yet replayed
 * @param oldestJournaledAge approximate age of the oldest record waiting in the journal, zero when none
 * @param journalSkipped damaged journal records (torn or corrupt) reported and skipped
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
        Optional<String> lastError,
        long spilled,
        long replayed,
        long quarantined,
        long journalBytes,
        Duration oldestJournaledAge,
        long journalSkipped) {

    /** Stats of a recorder without a journal. */
    public RecorderStats(
            long enqueued,
            long written,
            long dropped,
            long failed,
            long retried,
            long failedBatches,
            int queueDepth,
            Duration oldestQueuedAge,
            Optional<String> lastError) {
        this(
                enqueued,
                written,
                dropped,
                failed,
                retried,
                failedBatches,
                queueDepth,
                oldestQueuedAge,
                lastError,
                0,
                0,
                0,
                0,
                Duration.ZERO,
                0);
    }

    /** Records that will never be written: {@code dropped + failed}. */
    public long lost() {
        return dropped + failed;
    }
}
