// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a recorder's counters. Every record handed to {@link ActivityRecorder#record} ends
 * up in exactly one of {@code written}, {@code dropped}, {@code failed}, {@code quarantined},
 * {@code spilled}, or is still queued or in flight; a record made inside an
 * {@link ActivityTransaction} is first {@code held}, then handed on at commit or {@code discarded}. Spilled records wait in the local journal and
 * are counted again in {@code replayed} once the sink accepted them.
 *
 * <p>A final class rather than a record, so counters can be added without breaking callers.
 * Applications only read snapshots; {@link #builder()} is for recorder implementations.
 *
 * @since 0.1
 */
public final class RecorderStats {
    private final long enqueued;
    private final long written;
    private final long dropped;
    private final long failed;
    private final long retried;
    private final long failedBatches;
    private final int queueDepth;
    private final Duration oldestQueuedAge;
    private final @Nullable String lastError;
    private final long spilled;
    private final long replayed;
    private final long quarantined;
    private final long journalBytes;
    private final Duration oldestJournaledAge;
    private final long journalSkipped;
    private final long held;
    private final long discarded;

    private RecorderStats(Builder b) {
        this.enqueued = b.enqueued;
        this.written = b.written;
        this.dropped = b.dropped;
        this.failed = b.failed;
        this.retried = b.retried;
        this.failedBatches = b.failedBatches;
        this.queueDepth = b.queueDepth;
        this.oldestQueuedAge = b.oldestQueuedAge;
        this.lastError = b.lastError;
        this.spilled = b.spilled;
        this.replayed = b.replayed;
        this.quarantined = b.quarantined;
        this.journalBytes = b.journalBytes;
        this.oldestJournaledAge = b.oldestJournaledAge;
        this.journalSkipped = b.journalSkipped;
        this.held = b.held;
        this.discarded = b.discarded;
    }

    /**
     * Starts a snapshot; for implementations of {@link ActivityRecorder} (the SDK's own pipeline,
     * test doubles). Applications read snapshots from {@link ActivityRecorder#stats()}.
     *
     * @since 0.1
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Records accepted for writing. */
    public long enqueued() {
        return enqueued;
    }

    /** Records the sink accepted straight from the queue. */
    public long written() {
        return written;
    }

    /** Records not accepted because the queue (or journal) was full or the recorder closed. */
    public long dropped() {
        return dropped;
    }

    /**
     * Accepted records given up: retries exhausted, or not written by the close deadline, and no
     * journal could take them.
     */
    public long failed() {
        return failed;
    }

    /** Batch attempts that failed and were retried. */
    public long retried() {
        return retried;
    }

    /**
     * Batches lost: given up after their last attempt with no journal to take them (a batch saved
     * in the journal counts in {@link #spilled()} instead).
     */
    public long failedBatches() {
        return failedBatches;
    }

    /** Records waiting in the queue now. */
    public int queueDepth() {
        return queueDepth;
    }

    /** Age of the oldest waiting record, zero when none wait. */
    public Duration oldestQueuedAge() {
        return oldestQueuedAge;
    }

    /** The last sink failure, as "ExceptionClass: message". */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Records written to the journal (in DURABLE mode: every record). */
    public long spilled() {
        return spilled;
    }

    /** Records copied from the journal to the sink, including those an earlier run left. */
    public long replayed() {
        return replayed;
    }

    /**
     * Poison records the sink rejected alone while accepting others; kept in the journal's
     * {@code quarantine.jsonl}; without a journal they are counted in {@link #failed()}.
     */
    public long quarantined() {
        return quarantined;
    }

    /** Journal bytes not yet replayed. */
    public long journalBytes() {
        return journalBytes;
    }

    /** Approximate age of the oldest record waiting in the journal, zero when none. */
    public Duration oldestJournaledAge() {
        return oldestJournaledAge;
    }

    /** Damaged journal records (torn or corrupt) reported and skipped. */
    public long journalSkipped() {
        return journalSkipped;
    }

    /**
     * Records waiting in open {@link ActivityTransaction}s for their commit; not yet enqueued.
     *
     * @since 0.2
     */
    public long held() {
        return held;
    }

    /**
     * Records dropped on purpose because their transaction rolled back or was discarded; not lost
     * (the work they describe did not happen), so not part of {@link #lost()}.
     *
     * @since 0.2
     */
    public long discarded() {
        return discarded;
    }

    /** Records that will never be written: {@code dropped + failed}. */
    public long lost() {
        return dropped + failed;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RecorderStats s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "RecorderStats[enqueued=" + enqueued + ", written=" + written + ", dropped=" + dropped + ", failed="
                + failed + ", retried=" + retried + ", failedBatches=" + failedBatches + ", queueDepth=" + queueDepth
                + ", oldestQueuedAge=" + oldestQueuedAge + ", lastError=" + lastError + ", spilled=" + spilled
                + ", replayed=" + replayed + ", quarantined=" + quarantined + ", journalBytes=" + journalBytes
                + ", oldestJournaledAge=" + oldestJournaledAge + ", journalSkipped=" + journalSkipped + ", held=" + held
                + ", discarded=" + discarded + "]";
    }

    /**
     * Fills a snapshot; unset counters are zero.
     *
     * @since 0.1
     */
    public static final class Builder {
        private long enqueued;
        private long written;
        private long dropped;
        private long failed;
        private long retried;
        private long failedBatches;
        private int queueDepth;
        private Duration oldestQueuedAge = Duration.ZERO;
        private @Nullable String lastError;
        private long spilled;
        private long replayed;
        private long quarantined;
        private long journalBytes;
        private Duration oldestJournaledAge = Duration.ZERO;
        private long journalSkipped;
        private long held;
        private long discarded;

        private Builder() {}

        /** The record counters. */
        public Builder counts(long enqueued, long written, long dropped, long failed) {
            this.enqueued = enqueued;
            this.written = written;
            this.dropped = dropped;
            this.failed = failed;
            return this;
        }

        /** The retry counters and the last sink failure ("ExceptionClass: message"), if any. */
        public Builder retries(long retried, long failedBatches, @Nullable String lastError) {
            this.retried = retried;
            this.failedBatches = failedBatches;
            this.lastError = lastError;
            return this;
        }

        /**
         * The queue's depth and the age of its oldest record.
         *
         * @throws NullPointerException if {@code oldestAge} is null
         */
        public Builder queue(int depth, Duration oldestAge) {
            this.queueDepth = depth;
            this.oldestQueuedAge = Objects.requireNonNull(oldestAge, "oldestAge");
            return this;
        }

        /**
         * The journal's counters.
         *
         * @throws NullPointerException if {@code oldestAge} is null
         */
        public Builder journal(
                long spilled, long replayed, long quarantined, long bytes, Duration oldestAge, long skipped) {
            this.spilled = spilled;
            this.replayed = replayed;
            this.quarantined = quarantined;
            this.journalBytes = bytes;
            this.oldestJournaledAge = Objects.requireNonNull(oldestAge, "oldestAge");
            this.journalSkipped = skipped;
            return this;
        }

        /**
         * The transaction counters: records held in open units now, and records discarded.
         *
         * @since 0.2
         */
        public Builder transactions(long held, long discarded) {
            this.held = held;
            this.discarded = discarded;
            return this;
        }

        /** The snapshot. */
        public RecorderStats build() {
            return new RecorderStats(this);
        }
    }
}
