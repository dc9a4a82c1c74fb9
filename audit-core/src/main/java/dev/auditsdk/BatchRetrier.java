package dev.auditsdk;

import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one batch with retries and exponential backoff; used by the single writer thread. */
final class BatchRetrier {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);

    private final ActivitySink sink;
    private final int maxAttempts;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final BooleanSupplier aborted;
    private volatile long retried;
    private volatile long failedBatches;
    private volatile @Nullable String lastError;

    BatchRetrier(ActivitySink sink, int maxAttempts, Duration initialBackoff, Duration maxBackoff, BooleanSupplier aborted) {
        this.sink = sink;
        this.maxAttempts = maxAttempts;
        this.initialBackoffNanos = initialBackoff.toNanos();
        this.maxBackoffNanos = Math.max(initialBackoff.toNanos(), maxBackoff.toNanos());
        this.aborted = aborted;
    }

    /** @return true when the sink accepted the batch, false when it was given up */
    boolean write(List<ActivityLog> batch) {
        long backoff = initialBackoffNanos;
        for (int attempt = 1; ; attempt++) {
            try {
                sink.append(batch);
                return true;
            } catch (RuntimeException | LinkageError | AssertionError e) {
                noteError(e);
                if (attempt >= maxAttempts || aborted.getAsBoolean()) {
                    failedBatches++;
                    LOG.error("Audit batch of {} records given up after {} attempts", batch.size(), attempt, e);
                    return false;
                }
                retried++;
                LOG.warn("Audit sink failed (attempt {} of {}), retrying in {} ms: {}", attempt, maxAttempts,
                        backoff / 1_000_000, lastError);
                if (!sleep(backoff)) {
                    failedBatches++;
                    LOG.error("Audit batch of {} records given up: the recorder is closing", batch.size());
                    return false;
                }
                backoff = Math.min(maxBackoffNanos, backoff * 2);
            }
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

    void noteError(Throwable e) {
        lastError = e.getClass().getName() + ": " + e.getMessage();
    }

    long retried() {
        return retried;
    }

    long failedBatches() {
        return failedBatches;
    }

    @Nullable String lastError() {
        return lastError;
    }
}
