package dev.auditsdk;

import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.ActivityStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Records activity. In the default {@link RecorderMode#ASYNC} mode {@link #record} only sanitizes
 * the record and puts it on a bounded queue; one writer thread writes batches to the sink, retries
 * failures with exponential backoff, and counts whatever it cannot write. Nothing is lost silently.
 *
 * <pre>{@code
 * try (var recorder = ActivityRecorder.builder().store(store).build()) {
 *     recorder.record(ActionType.UPDATE, b -> b.actor("alice").target("Post", 42).remarks("changed title"));
 * }
 * }</pre>
 *
 * Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface ActivityRecorder extends AutoCloseable {

    /**
     * Records one activity. In ASYNC mode never throws because the sink failed and never blocks
     * longer than the configured block timeout. A record made on a thread with an open
     * {@link ActivityContext} inherits its request id, trace id, client IP and tenant when it has none.
     *
     * @throws ActivityRecordingException in SYNC mode, when the sink failed
     */
    void record(ActivityLog log);

    /**
     * The one-line form: builds a record of {@code action} with the recorder's clock and records it.
     *
     * @throws IllegalArgumentException when the customized builder cannot build (e.g. data not JSON-shaped)
     */
    void record(ActionType action, Consumer<ActivityLog.Builder> details);

    /**
     * Waits until every record accepted before this call is written or given up.
     *
     * @return true if that happened within {@code timeout}
     */
    boolean flush(Duration timeout);

    /** The current counters. */
    RecorderStats stats();

    /**
     * Stops accepting records, writes what is queued within {@code deadline}, counts the rest as
     * failed (and logs them), stops the writer thread and closes the sink when the recorder owns it.
     *
     * @return the final counters; {@link RecorderStats#failed()} tells what could not be written
     */
    RecorderStats close(Duration deadline);

    /** {@link #close(Duration)} with the configured close timeout (default 10 s). Idempotent. */
    @Override
    void close();

    /** Starts configuring a recorder. */
    static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link ActivityRecorder}; every setting has a sensible default except the sink. */
    final class Builder {
        @Nullable ActivitySink sink;
        RecorderMode mode = RecorderMode.ASYNC;
        int queueCapacity = 65_536;
        int batchSize = 1000;
        Duration linger = Duration.ofMillis(20);
        OverflowPolicy overflow = OverflowPolicy.BLOCK;
        Duration blockTimeout = Duration.ofMillis(50);
        int maxAttempts = 10;
        Duration initialBackoff = Duration.ofMillis(100);
        Duration maxBackoff = Duration.ofSeconds(5);
        Duration closeTimeout = Duration.ofSeconds(10);
        Clock clock = Clock.systemUTC();
        Sanitizer sanitizer = Sanitizer.defaults();
        boolean closeSink = true;
        String threadName = "audit-writer";

        private Builder() {}

        /** Where records go. Required (or {@link #store}). */
        public Builder sink(ActivitySink sink) { this.sink = Objects.requireNonNull(sink, "sink"); return this; }

        /** Same as {@link #sink}, for a store. */
        public Builder store(ActivityStore store) { return sink(store); }

        public Builder mode(RecorderMode mode) { this.mode = Objects.requireNonNull(mode, "mode"); return this; }

        /** Records that may wait for the writer (default 65,536). */
        public Builder queueCapacity(int capacity) { this.queueCapacity = atLeast(capacity, 1, "queueCapacity"); return this; }

        /** Records per sink call (default 1,000). */
        public Builder batchSize(int size) { this.batchSize = atLeast(size, 1, "batchSize"); return this; }

        /** Longest time a record waits for its batch to fill (default 20 ms). */
        public Builder linger(Duration linger) { this.linger = positive(linger, "linger"); return this; }

        /** What to do when the queue is full (default {@link OverflowPolicy#BLOCK}). */
        public Builder overflow(OverflowPolicy policy) { this.overflow = Objects.requireNonNull(policy, "policy"); return this; }

        /** How long {@link OverflowPolicy#BLOCK} waits for room before dropping (default 50 ms). */
        public Builder blockTimeout(Duration timeout) { this.blockTimeout = nonNegative(timeout, "blockTimeout"); return this; }

        /**
         * Retries of a failing batch: at most {@code maxAttempts} attempts (default 10), waiting
         * {@code initialBackoff} (default 100 ms) doubling up to {@code maxBackoff} (default 5 s).
         */
        public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
            this.maxAttempts = atLeast(maxAttempts, 1, "maxAttempts");
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /** How long {@link ActivityRecorder#close()} may take to drain (default 10 s). */
        public Builder closeTimeout(Duration timeout) { this.closeTimeout = nonNegative(timeout, "closeTimeout"); return this; }

        /** The clock for records made by the one-line form and for ages (default UTC system clock). */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

        /** Limits and redaction applied to every record (default {@link Sanitizer#defaults()}). */
        public Builder sanitizer(Sanitizer sanitizer) { this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer"); return this; }

        /** Whether closing the recorder closes the sink too (default true). */
        public Builder closeSinkOnClose(boolean closeSink) { this.closeSink = closeSink; return this; }

        /** Name of the writer thread (default {@code audit-writer}). */
        public Builder threadName(String name) { this.threadName = Objects.requireNonNull(name, "name"); return this; }

        /**
         * Builds and, in ASYNC mode, starts the recorder.
         *
         * @throws IllegalStateException if no sink was given
         */
        public ActivityRecorder build() {
            if (sink == null) {
                throw new IllegalStateException("no sink: call store(...) or sink(...) before build()");
            }
            return mode == RecorderMode.SYNC ? new SyncActivityRecorder(this) : new DefaultActivityRecorder(this);
        }

        private static int atLeast(int v, int min, String name) {
            if (v < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
            }
            return v;
        }

        private static Duration positive(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
