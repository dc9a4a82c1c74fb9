// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContextSelector;
import org.apache.logging.log4j.core.async.AsyncQueueFullPolicyFactory;
import org.apache.logging.log4j.core.async.DefaultAsyncQueueFullPolicy;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.apache.logging.log4j.core.util.Constants;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Log4j 2 with every logger async (LMAX Disruptor ring buffer with Log4j's defaults: 4,096 slots
 * in its garbage-free mode, on outside web apps; the default "Timeout" wait strategy, so a
 * producer signals the consumer thread) and a Null appender, configured by the fork's {@code log4j2.contextSelector} and
 * {@code log4j2.configurationFile} properties. Lossless: the default queue-full policy makes a
 * caller wait for a free slot, and {@link #start()} refuses to run with any other policy, or if
 * async loggers are not really what the API hands out.
 */
@State(Scope.Benchmark)
public class Log4jPeer {
    Logger logger;
    private LoggerContext context;

    @Setup(Level.Trial)
    public void start() {
        logger = LogManager.getLogger("handoff");
        if (!(LogManager.getContext(false) instanceof AsyncLoggerContext async)
                || !AsyncLoggerContextSelector.isSelected()
                || !(logger instanceof AsyncLogger)) {
            throw new IllegalStateException("Log4j async loggers are not active: context "
                    + LogManager.getContext(false).getClass().getName() + ", logger "
                    + logger.getClass().getName()
                    + "; run with -Dlog4j2.contextSelector=" + AsyncLoggerContextSelector.class.getName());
        }
        context = async;
        if (!(AsyncQueueFullPolicyFactory.create() instanceof DefaultAsyncQueueFullPolicy)) {
            throw new IllegalStateException(
                    "Log4j would discard on a full ring buffer; the comparison needs it to wait");
        }
        if (!"null"
                .equals(context.getConfiguration()
                        .getRootLogger()
                        .getAppenderRefs()
                        .get(0)
                        .getRef())) {
            throw new IllegalStateException("log4j2-handoff.xml was not loaded: " + context.getConfiguration());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        RingBufferAdmin ring = ((AsyncLoggerContext) context).createRingBufferAdmin();
        System.out.printf(
                "%nlog4j: ring buffer %d slots, %d free at the end (a full buffer blocks, nothing dropped),"
                        + " thread locals %s%n",
                ring.getBufferSize(), ring.getRemainingCapacity(), Constants.ENABLE_THREADLOCALS);
        LogManager.shutdown();
    }
}
