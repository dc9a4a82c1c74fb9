// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.TransactionBinding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Everything the pipeline reads, fixed when {@code ActivityRecorder.Builder.build()} ran. The
 * builder validates (it is the API edge); this value only carries. Not API.
 */
public final class RecorderSettings {
    final ActivitySink sink;
    final RecorderMode mode;
    final int queueCapacity;
    final int batchSize;
    final Duration linger;
    final OverflowPolicy overflow;
    final Duration blockTimeout;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration closeTimeout;
    final Clock clock;
    final Sanitizer sanitizer;
    final UnaryOperator<ActivityLog> contextInheritance;
    final boolean closeSink;
    final String threadName;
    final @Nullable Path journalDir;
    final long journalMaxBytes;
    final LongSupplier ticker;
    final @Nullable Checkpoints checkpoints;
    final @Nullable TransactionBinding transactionBinding;

    private RecorderSettings(Builder b) {
        this.sink = Objects.requireNonNull(b.sink, "sink");
        this.mode = b.mode;
        this.queueCapacity = b.queueCapacity;
        this.batchSize = b.batchSize;
        this.linger = b.linger;
        this.overflow = b.overflow;
        this.blockTimeout = b.blockTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.closeTimeout = b.closeTimeout;
        this.clock = b.clock;
        this.sanitizer = b.sanitizer;
        this.contextInheritance = b.contextInheritance;
        this.closeSink = b.closeSink;
        this.threadName = b.threadName;
        this.journalDir = b.journalDir;
        this.journalMaxBytes = b.journalMaxBytes;
        this.ticker = b.ticker;
        this.checkpoints = b.checkpoints;
        this.transactionBinding = b.transactionBinding;
    }

    /**
     * Starts settings for {@code sink}; the other values are the caller's (no defaults here: the
     * public builder owns them).
     */
    public static Builder builder(ActivitySink sink) {
        return new Builder(Objects.requireNonNull(sink, "sink"));
    }

    /** Collects the values; one setter per group of options the public builder sets together. */
    public static final class Builder {
        private final ActivitySink sink;
        private RecorderMode mode = RecorderMode.ASYNC;
        private int queueCapacity = 1;
        private int batchSize = 1;
        private Duration linger = Duration.ofMillis(1);
        private OverflowPolicy overflow = OverflowPolicy.BLOCK;
        private Duration blockTimeout = Duration.ZERO;
        private int maxAttempts = 1;
        private Duration initialBackoff = Duration.ofMillis(1);
        private Duration maxBackoff = Duration.ofMillis(1);
        private Duration closeTimeout = Duration.ZERO;
        private Clock clock = Clock.systemUTC();
        private Sanitizer sanitizer = Sanitizer.defaults();
        private UnaryOperator<ActivityLog> contextInheritance = UnaryOperator.identity();
        private boolean closeSink = true;
        private String threadName = "audit-writer";
        private @Nullable Path journalDir;
        private long journalMaxBytes = Long.MAX_VALUE;
        private LongSupplier ticker = System::nanoTime;
        private @Nullable Checkpoints checkpoints;
        private @Nullable TransactionBinding transactionBinding;

        private Builder(ActivitySink sink) {
            this.sink = sink;
        }

        /** The mode, and whether closing the recorder closes the sink. */
        public Builder mode(RecorderMode mode, boolean closeSink) {
            this.mode = Objects.requireNonNull(mode, "mode");
            this.closeSink = closeSink;
            return this;
        }

        /** The queue and batching: capacity, batch size, linger, overflow policy and its block timeout. */
        public Builder queue(
                int capacity, int batchSize, Duration linger, OverflowPolicy overflow, Duration blockTimeout) {
            this.queueCapacity = capacity;
            this.batchSize = batchSize;
            this.linger = Objects.requireNonNull(linger, "linger");
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            this.blockTimeout = Objects.requireNonNull(blockTimeout, "blockTimeout");
            return this;
        }

        /** The retry budget of a batch. */
        public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
            this.maxAttempts = maxAttempts;
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * How records are prepared on the caller's thread: the record clock, the sanitizer, and
         * the inheritance of request id, trace id, client IP and tenant from the caller's open
         * {@code ActivityContext} (owned by the API package, hence passed in).
         */
        public Builder preparation(Clock clock, Sanitizer sanitizer, UnaryOperator<ActivityLog> contextInheritance) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
            this.contextInheritance = Objects.requireNonNull(contextInheritance, "contextInheritance");
            return this;
        }

        /** The writer thread's name, the close timeout, and the time source of deadlines (tests replace it). */
        public Builder threading(String threadName, Duration closeTimeout, LongSupplier ticker) {
            this.threadName = Objects.requireNonNull(threadName, "threadName");
            this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The journal directory (none: null) and its size limit. */
        public Builder journal(@Nullable Path dir, long maxBytes) {
            this.journalDir = dir;
            this.journalMaxBytes = maxBytes;
            return this;
        }

        /** Signed checkpoints of the recorder's chain (none: null). */
        public Builder checkpoints(@Nullable Checkpoints checkpoints) {
            this.checkpoints = checkpoints;
            return this;
        }

        /** Where application records wait while a framework transaction is active (none: null). */
        public Builder transactions(@Nullable TransactionBinding binding) {
            this.transactionBinding = binding;
            return this;
        }

        /** The settings. */
        public RecorderSettings build() {
            return new RecorderSettings(this);
        }
    }
}
