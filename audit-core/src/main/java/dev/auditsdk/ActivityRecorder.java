package dev.auditsdk;

import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.internal.recorder.RecorderSettings;
import dev.auditsdk.internal.recorder.Recorders;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.ActivityStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
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
     * Records one activity. In ASYNC mode never throws because the sink failed. With
     * {@link OverflowPolicy#BLOCK} a call that finds the queue full waits for room at most the
     * configured block timeout, counted once from that moment across every wake-up, then drops the
     * record (counted); the whole call adds only the sub-microsecond preparation of the record
     * (thread scheduling delays and GC pauses aside, which no Java code can bound). A record made on a thread with an open
     * {@link ActivityContext} inherits its request id, trace id, client IP and tenant when it has none.
     *
     * @throws ActivityRecordingException in SYNC mode, when the sink failed; in DURABLE mode, when
     *     the record could not be forced to the journal (full beyond the block timeout, I/O error)
     */
    void record(ActivityLog log);

    /**
     * Records several activities with one hand-off: one pass over the queue (in DURABLE mode one
     * journal append and one forced write; in SYNC mode one sink call), so they usually travel in
     * one batch. The guarantees are those of {@link #record(ActivityLog)} for each record: every
     * record is sanitized and enriched from the open {@link ActivityContext}; the overflow policy
     * applies to those the queue has no room for, BLOCK with one deadline for the whole call; each
     * record is counted in {@link #stats()}. An empty collection does nothing.
     *
     * @throws NullPointerException if {@code logs} or one of its elements is null; nothing is recorded then
     * @throws ActivityRecordingException in SYNC mode, when the sink failed (none of the records is
     *     counted as written); in DURABLE mode, when the records could not be forced to the journal
     * @since 0.1
     */
    void recordAll(Collection<ActivityLog> logs);

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
     * Stops accepting records, writes what is queued within {@code deadline}, saves the rest in the
     * journal when one is configured or else counts them as failed (and logs them), stops the writer thread and closes the sink when the recorder owns it.
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
        @Nullable
        ActivitySink sink;

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

        @Nullable
        Path journalDir;

        long journalMaxBytes = 1L << 30;

        // The time source of deadlines (block timeout, close deadline); tests replace it.
        LongSupplier ticker = System::nanoTime;

        @Nullable
        Checkpoints checkpoints;

        @Nullable
        String instance;

        private Builder() {}

        /** Where records go. Required (or {@link #store}). */
        public Builder sink(ActivitySink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Same as {@link #sink}, for a store. */
        public Builder store(ActivityStore store) {
            return sink(store);
        }

        public Builder mode(RecorderMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Records that may wait for the writer (default 65,536). */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = atLeast(capacity, 1, "queueCapacity");
            return this;
        }

        /** Records per sink call (default 1,000). */
        public Builder batchSize(int size) {
            this.batchSize = atLeast(size, 1, "batchSize");
            return this;
        }

        /** Longest time a record waits for its batch to fill (default 20 ms). */
        public Builder linger(Duration linger) {
            this.linger = positive(linger, "linger");
            return this;
        }

        /** What to do when the queue is full (default {@link OverflowPolicy#BLOCK}). */
        public Builder overflow(OverflowPolicy policy) {
            this.overflow = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How long {@link OverflowPolicy#BLOCK} waits for room before dropping (default 50 ms): one
         * deadline per {@code record()} call, however often the caller is woken meanwhile.
         */
        public Builder blockTimeout(Duration timeout) {
            this.blockTimeout = nonNegative(timeout, "blockTimeout");
            return this;
        }

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
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = nonNegative(timeout, "closeTimeout");
            return this;
        }

        /** The clock for records made by the one-line form and for ages (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Limits and redaction applied to every record (default {@link Sanitizer#defaults()}). */
        public Builder sanitizer(Sanitizer sanitizer) {
            this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
            return this;
        }

        /** Whether closing the recorder closes the sink too (default true). */
        public Builder closeSinkOnClose(boolean closeSink) {
            this.closeSink = closeSink;
            return this;
        }

        /** Name of the writer thread (default {@code audit-writer}). */
        public Builder threadName(String name) {
            this.threadName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * A local journal directory: records the sink will not take within the retry budget, records
         * the queue has no room for ({@link OverflowPolicy#SPILL}) and records left at the close
         * deadline go there, and are replayed in order once the sink is healthy, also after a
         * restart. Required by {@link RecorderMode#DURABLE}. One recorder per directory (locked).
         */
        public Builder journal(Path directory) {
            this.journalDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The most the journal may hold on disk (default 1 GiB); beyond it spills fail (counted as
         * failed or dropped) and DURABLE records wait up to the block timeout, then are refused.
         */
        public Builder journalMaxBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("journalMaxBytes must be at least 1024, got " + bytes);
            }
            this.journalMaxBytes = bytes;
            return this;
        }

        /**
         * The label stamped on every record this recorder makes that has none (host name, pod name): which
         * application instance recorded it. Only a label: each recorder start keeps its own hash chain
         * whatever its label, so instances sharing one never fork a chain. Default none.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder instance(String instance) {
            if (Objects.requireNonNull(instance, "instance").isBlank()) {
                throw new IllegalArgumentException("instance must not be blank");
            }
            this.instance = instance;
            return this;
        }

        /** Signed checkpoints of this recorder's hash chain (default none). */
        public Builder checkpoints(Checkpoints checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /**
         * Builds and, in ASYNC and DURABLE mode, starts the recorder (which first replays what its
         * journal holds).
         *
         * @throws IllegalStateException if no sink was given, or DURABLE mode or the SPILL policy
         *     lacks a journal, or the journal is in use by another recorder
         * @throws java.io.UncheckedIOException if the journal directory cannot be used
         */
        public ActivityRecorder build() {
            if (sink == null) {
                throw new IllegalStateException("no sink: call store(...) or sink(...) before build()");
            }
            if (journalDir == null && (mode == RecorderMode.DURABLE || overflow == OverflowPolicy.SPILL)) {
                throw new IllegalStateException(
                        mode == RecorderMode.DURABLE
                                ? "DURABLE mode needs journal(...)"
                                : "OverflowPolicy.SPILL needs journal(...)");
            }
            if (mode == RecorderMode.SYNC && (journalDir != null || checkpoints != null)) {
                // SYNC writes on the caller and surfaces failures; it has no writer to journal or checkpoint.
                throw new IllegalStateException(
                        "SYNC mode supports neither journal(...) nor checkpoints(...): use ASYNC or DURABLE");
            }
            return Recorders.create(RecorderSettings.builder(sink)
                    .mode(mode, closeSink)
                    .queue(queueCapacity, batchSize, linger, overflow, blockTimeout)
                    .retry(maxAttempts, initialBackoff, maxBackoff)
                    .preparation(clock, sanitizer, enrichment(instance))
                    .threading(threadName, closeTimeout, ticker)
                    .journal(journalDir, journalMaxBytes)
                    .checkpoints(checkpoints)
                    .build());
        }

        /** The context's values, then the instance label, on a record that has none of its own. */
        private static UnaryOperator<ActivityLog> enrichment(@Nullable String instance) {
            if (instance == null) {
                return ActivityContext::inherit;
            }
            return log -> {
                ActivityLog inherited = ActivityContext.inherit(log);
                return inherited.instance().isPresent()
                        ? inherited
                        : inherited.toBuilder().instance(instance).build();
            };
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
