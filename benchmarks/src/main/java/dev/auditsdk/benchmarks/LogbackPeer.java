// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Logback's {@code AsyncAppender} in front of an appender that does nothing, built on a private
 * {@link LoggerContext} (no SLF4J binding involved). This variant is lossless and sized like our
 * queue: 65,536 entries, {@code discardingThreshold=0} (never drop INFO), {@code neverBlock=false}
 * (a full queue makes the caller wait). Discards, if any, are counted and printed at tear-down.
 */
@State(Scope.Benchmark)
public class LogbackPeer {
    Logger logger;
    private LoggerContext context;
    private CountingAsyncAppender async;
    private NoopAppender sink;

    void configure(AsyncAppender appender) {
        appender.setQueueSize(65_536);
        appender.setDiscardingThreshold(0);
        appender.setNeverBlock(false);
    }

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void start() {
        context = new LoggerContext();
        // A context made by hand has no MDC adapter; without one every event fails in preprocess().
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        sink = new NoopAppender();
        sink.setContext(context);
        sink.start();
        async = new CountingAsyncAppender();
        async.setContext(context);
        configure(async);
        async.addAppender(sink);
        async.start();
        logger = context.getLogger("handoff");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(async);
        logger.info("probe");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sink.appended == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        if (sink.appended != 1) {
            throw new IllegalStateException("Logback's AsyncAppender did not deliver a probe event: "
                    + context.getStatusManager().getCopyOfStatusList());
        }
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void stop() {
        int queueSize = async.getQueueSize();
        int threshold = async.getDiscardingThreshold();
        async.stop(); // drains the queue (up to maxFlushTime) before the counts are read
        System.out.printf(
                "%nlogback (queue %d, discardingThreshold %d): appended %d, discarded %d%n",
                queueSize, threshold, sink.appended, async.discarded.sum());
        context.stop();
    }

    /** Logback's defaults: queue 256, INFO discarded once 80 % full (counted), blocking when full. */
    public static class Defaults extends LogbackPeer {
        @Override
        void configure(AsyncAppender appender) {}
    }

    /** Counts the events the appender's discarding threshold throws away. */
    static final class CountingAsyncAppender extends AsyncAppender {
        final LongAdder discarded = new LongAdder();

        @Override
        protected boolean isDiscardable(ILoggingEvent event) {
            // Only asked when the queue is past the threshold; true means the event is dropped.
            boolean discard = super.isDiscardable(event);
            if (discard) {
                discarded.increment();
            }
            return discard;
        }
    }

    /** Does nothing with an event but count it (on the single worker thread). */
    static final class NoopAppender extends AppenderBase<ILoggingEvent> {
        volatile long appended;

        @Override
        protected void append(ILoggingEvent event) {
            appended++; // one writer thread: the async worker
        }
    }
}
