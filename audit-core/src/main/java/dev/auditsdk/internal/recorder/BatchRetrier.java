// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch with retries and exponential backoff; used by the single writer thread.
 *
 * <p>When the retry budget is spent the batch is split in halves before it is given up. When a
 * part succeeds the sink is evidently up, so the failing parts are split down to single records: a
 * record the sink rejects on its own while others are accepted is a poison record
 * ({@link Outcome#poison()}), taken out so it stalls the writer no longer than one retry budget
 * (stores such as the Jdbi store isolate poison rows themselves, at once). When every part fails
 * the sink is down, and the batch is given up (to the journal, when there is one). A failure the
 * sink calls transient ({@link ActivitySink#isTransient}) skips the search: the sink is down.
 */
final class BatchRetrier {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final int POISON_CONFIRMATIONS = 2;

    private final ActivitySink sink;
    private final int maxAttempts;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final BooleanSupplier aborted;
    private volatile long retried;
    private volatile @Nullable String lastError;
    private @Nullable Throwable lastFailure;

    /**
     * What became of a batch.
     *
     * @param written records the sink accepted
     * @param poison records the sink rejected alone while accepting others
     * @param failed records not written because the sink is failing; the caller saves them in the
     *     journal or counts them as lost, and says which in its log
     * @param attempts how many times the whole batch was tried
     */
    record Outcome(int written, List<ActivityLog> poison, List<ActivityLog> failed, int attempts) {}

    BatchRetrier(
            ActivitySink sink, int maxAttempts, Duration initialBackoff, Duration maxBackoff, BooleanSupplier aborted) {
        this.sink = sink;
        this.maxAttempts = maxAttempts;
        this.initialBackoffNanos = initialBackoff.toNanos();
        this.maxBackoffNanos = Math.max(initialBackoff.toNanos(), maxBackoff.toNanos());
        this.aborted = aborted;
    }

    /** Writes with up to {@code maxAttempts} attempts, isolating poison records. */
    Outcome write(List<ActivityLog> batch) {
        return write(batch, maxAttempts);
    }

    /** Writes with exactly one attempt (plus isolation): the journal replay's probe. */
    Outcome writeOnce(List<ActivityLog> batch) {
        return write(batch, 1);
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer: only the writer thread updates; volatile publishes
    private Outcome write(List<ActivityLog> batch, int attempts) {
        long backoff = initialBackoffNanos;
        for (int attempt = 1; ; attempt++) {
            if (append(batch)) {
                return new Outcome(batch.size(), List.of(), List.of(), attempt);
            }
            if (attempt >= attempts || aborted.getAsBoolean()) {
                // Budget spent: before giving the batch up, take out poison records if that is the cause.
                List<ActivityLog> poison = new ArrayList<>(0);
                List<ActivityLog> failed = new ArrayList<>(0);
                int written = transientFailure() ? 0 : isolate(batch, poison, failed);
                if (failed.isEmpty() && written == 0 && poison.isEmpty()) {
                    failed.addAll(batch);
                }
                return new Outcome(written, poison, failed, attempt);
            }
            retried++;
            LOG.warn(
                    "Audit sink failed (attempt {} of {}), retrying in {} ms: {}",
                    attempt,
                    attempts,
                    backoff / 1_000_000,
                    lastError);
            if (!sleep(backoff)) {
                // The recorder is closing: it journals or counts what is left.
                return new Outcome(0, List.of(), List.copyOf(batch), attempt);
            }
            backoff = Math.min(maxBackoffNanos, backoff * 2);
        }
    }

    /** The whole batch just failed: tries its halves. @return how many were written */
    private int isolate(List<ActivityLog> batch, List<ActivityLog> poison, List<ActivityLog> failed) {
        if (batch.size() == 1) {
            failed.addAll(batch);
            return 0;
        }
        int mid = batch.size() / 2;
        List<ActivityLog> a = batch.subList(0, mid);
        List<ActivityLog> b = batch.subList(mid, batch.size());
        boolean okA = append(a);
        boolean okB = append(b);
        if (!okA && !okB) {
            failed.addAll(batch);
            return 0;
        }
        if (okA && okB) {
            return batch.size();
        }
        // The sink works: every record it still rejects alone is poison.
        return (okA ? a.size() : b.size()) + split(okA ? b : a, poison);
    }

    private int split(List<ActivityLog> part, List<ActivityLog> poison) {
        if (part.size() == 1) {
            for (int i = 0; i < POISON_CONFIRMATIONS; i++) {
                if (append(part)) {
                    return 1;
                }
            }
            LOG.error(
                    "Audit record {} rejected by the sink while others were accepted; set aside as poison: {}",
                    part.get(0).id(),
                    lastError);
            poison.add(part.get(0));
            return 0;
        }
        if (append(part)) {
            return part.size();
        }
        int mid = part.size() / 2;
        return split(part.subList(0, mid), poison) + split(part.subList(mid, part.size()), poison);
    }

    private boolean append(List<ActivityLog> part) {
        try {
            sink.append(part);
            return true;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            noteError(e);
            return false;
        }
    }

    /** Sleeps with up to 10 % jitter; returns false when aborted meanwhile. */
    private boolean sleep(long nanos) {
        long deadline = System.nanoTime() + nanos + ThreadLocalRandom.current().nextLong(nanos / 10 + 1);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (aborted.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, 10_000_000));
            Thread.interrupted();
        }
        return !aborted.getAsBoolean();
    }

    /** A lost connection is no reason to split a batch: every part would wait for the same timeout. */
    private boolean transientFailure() {
        Throwable failure = lastFailure;
        try {
            return failure != null && sink.isTransient(failure);
        } catch (RuntimeException e) {
            return false; // a faulty classification must not stop the writer
        }
    }

    void noteError(Throwable e) {
        lastFailure = e;
        lastError = e.getClass().getName() + ": " + e.getMessage();
    }

    long retried() {
        return retried;
    }

    @Nullable
    String lastError() {
        return lastError;
    }
}
