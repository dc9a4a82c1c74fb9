// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.internal.integrity.HashChain;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder's use of its {@link Journal}: spilling records the sink cannot take, replaying them
 * in journal order once it can (one probe per backoff interval while it cannot), and setting
 * poison records aside. Replays are idempotent because every sink is idempotent on record ids, so
 * a crash during replay duplicates nothing. Spill and append run on any thread; replay only on the
 * writer thread.
 */
final class JournalSpool {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);

    private final Journal journal;
    private final HashChain chain;
    private final BatchRetrier retrier;
    private final int batchSize;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final LongAdder spilled = new LongAdder();
    private volatile long replayed;
    private volatile long quarantined;
    private long backoffNanos;
    private long nextAttempt = System.nanoTime();
    private boolean failing;

    JournalSpool(Journal journal, HashChain chain, BatchRetrier retrier, RecorderSettings b) {
        this.journal = journal;
        this.chain = chain;
        this.retrier = retrier;
        this.batchSize = b.batchSize;
        this.initialBackoffNanos = b.initialBackoff.toNanos();
        this.maxBackoffNanos = Math.max(initialBackoffNanos, b.maxBackoff.toNanos());
        this.backoffNanos = initialBackoffNanos;
        if (journal.hasPending()) {
            LOG.info("Audit journal holds {} bytes from an earlier run; replaying them", journal.pendingBytes());
        }
    }

    /**
     * Appends records (chaining those not yet chained) and, when {@code force}, waits until they
     * are on disk.
     *
     * @return the journal offset after them
     * @throws IOException when the journal is full ({@link Journal.FullException}) or cannot be written
     */
    long append(List<ActivityLog> logs, boolean force) throws IOException {
        long offset = journal.append(logs, chain::link);
        spilled.add(logs.size());
        if (force) {
            journal.sync(offset);
        }
        return offset;
    }

    /**
     * DURABLE mode: appends and forces records (one group commit), waiting up to {@code blockNanos} while the journal is full.
     *
     * @throws IOException when it could not: still full after the wait, or an I/O error
     */
    void appendDurably(List<ActivityLog> logs, long blockNanos) throws IOException {
        long deadline = System.nanoTime() + blockNanos;
        while (true) {
            try {
                append(logs, true);
                return;
            } catch (Journal.FullException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    /**
     * {@link OverflowPolicy#SPILL} on a caller's thread: appends without forcing (the writer forces
     * before it replays). Chained here, so a replay writes the position it was journaled with.
     */
    boolean spillFromCaller(List<ActivityLog> logs) {
        try {
            append(logs, false);
            return true;
        } catch (IOException | IllegalStateException e) {
            retrier.noteError(e);
            return false;
        }
    }

    /** Spills a batch and forces it; false (logged) when the journal cannot take it. */
    boolean spill(List<ActivityLog> logs) {
        try {
            append(logs, true);
            return true;
        } catch (IOException | IllegalStateException e) {
            retrier.noteError(e);
            LOG.error("Audit journal cannot take {} records: {}", logs.size(), e.toString());
            return false;
        }
    }

    /**
     * The direct path's batch, chained, when the journal is empty; null while records wait there
     * (they are older in the chain, so the batch must wait for them, or be spilled behind them).
     */
    @Nullable
    List<ActivityLog> linkIfDrained(List<ActivityLog> logs) {
        return journal.linkIfEmpty(logs, chain::link);
    }

    /** Whether records wait in the journal. */
    boolean pending() {
        return journal.hasPending();
    }

    /** Whether the last replay attempt failed (the sink is down). */
    boolean failing() {
        return failing;
    }

    /**
     * Replays one batch when records wait and the backoff allows it.
     *
     * @return true when it wrote or skipped something, so the writer should not park
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer: only the writer thread updates; volatile publishes
    boolean replayStep() {
        if (!journal.hasPending() || System.nanoTime() - nextAttempt < 0) {
            return false;
        }
        JournalReader.Batch batch;
        try {
            batch = journal.read(batchSize);
        } catch (IOException e) {
            retrier.noteError(e);
            LOG.error("Audit journal cannot be read: {}", e.toString());
            backOff();
            return false;
        }
        if (batch.records().isEmpty()) {
            boolean moved = batch.end() > journal.committedOffset();
            journal.commit(batch);
            return moved;
        }
        BatchRetrier.Outcome outcome = retrier.writeOnce(batch.records());
        if (!outcome.failed().isEmpty()) {
            // The sink is down: keep the batch (records written meanwhile are idempotent) and probe later.
            backOff();
            return false;
        }
        if (!outcome.poison().isEmpty() && !quarantine(outcome.poison())) {
            backOff();
            return false;
        }
        // Counted before the commit: flush() returns once the commit is visible.
        replayed += outcome.written();
        journal.commit(batch);
        if (failing) {
            LOG.info("Audit sink is back; replaying the journal ({} bytes left)", journal.pendingBytes());
        }
        failing = false;
        backoffNanos = initialBackoffNanos;
        return true;
    }

    private void backOff() {
        failing = true;
        nextAttempt = System.nanoTime() + backoffNanos;
        backoffNanos = Math.min(maxBackoffNanos, backoffNanos * 2);
    }

    /** Keeps poison records in the quarantine file; false when it cannot be written. */
    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer: only the writer thread updates; volatile publishes
    boolean quarantine(List<ActivityLog> poison) {
        try {
            journal.quarantine(poison);
            quarantined += poison.size();
            return true;
        } catch (IOException e) {
            LOG.error("Audit journal cannot quarantine {} poison records: {}", poison.size(), e.toString());
            return false;
        }
    }

    long spilled() {
        return spilled.sum();
    }

    long replayed() {
        return replayed;
    }

    long quarantined() {
        return quarantined;
    }

    Journal journal() {
        return journal;
    }

    /** Fills in the journal's counters. */
    void addJournal(RecorderStats.Builder stats, Instant now) {
        stats.journal(spilled(), replayed, quarantined, journal.pendingBytes(), oldestAge(now), journal.skipped());
    }

    private Duration oldestAge(Instant now) {
        @Nullable Instant oldest = journal.oldestPending();
        if (oldest == null || !journal.hasPending()) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(oldest, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
