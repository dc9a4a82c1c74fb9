// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Sanitizer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Caller-thread cost of handing one comparable event to a background thread (issue 8): our
 * {@code record()} against Log4j 2 async loggers and Logback's {@code AsyncAppender}, all fed the
 * same values ({@link HandoffEvent}), with the record built alone as the allocation baseline.
 *
 * <p>Flood methods call as fast as they can; {@code paced*} methods do {@value #PACE_TOKENS}
 * tokens of {@link Blackhole#consumeCPU} first (about 7 µs, the request thread's other work; at
 * 1,024 tokens our writer, which hashes every record with its data, fell behind on a busy 2-core
 * machine and the callers waited for it),
 * so each consumer keeps up; subtract {@link #pacedBaseline}. Nothing is lost silently: our
 * recorder and both loggers block when full, except the {@code *Drop} and {@code logbackDefaults*}
 * variants, whose drops are printed at tear-down. Our writer hashes every record (the chain
 * cannot be turned off), so a blocking flood of ours is bounded by that writer, not by
 * {@code record()}; the {@code *Drop} variants show {@code record()} alone. Run with
 * {@code -prof gc} for B/op; it counts every thread (for ours also the writer's hash chain), so
 * the calling thread's own B/op is printed after each iteration too ({@link HandoffEvent}).
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xmx2g",
            "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
            "-Dlog4j2.configurationFile=log4j2-handoff.xml",
            // log4j-core, even where the Spring example's log4j-to-slf4j is on the classpath too (smoke test)
            "-Dlog4j.provider=org.apache.logging.log4j.core.impl.Log4jProvider"
        })
public class HandoffBenchmark {
    static final long PACE_TOKENS = 4096;
    private static final Clock CLOCK = Clock.systemUTC();

    // --- the record itself: what any hand-off must at least cost ---

    /** Builds the record (id, time, data copy) and hands it to nobody. */
    @Benchmark
    public ActivityLog buildOnly(HandoffEvent e) {
        e.sent++;
        ActivityLog.Builder b = ActivityLog.builder(ActionType.UPDATE, CLOCK);
        e.fill(b);
        return b.build();
    }

    /** {@link #buildOnly} plus the sanitizer that {@code record()} runs. */
    @Benchmark
    public ActivityLog buildAndSanitize(HandoffEvent e) {
        return Sanitizer.defaults().sanitize(buildOnly(e));
    }

    @Benchmark
    public void pacedBaseline() {
        Blackhole.consumeCPU(PACE_TOKENS);
    }

    @Benchmark
    @Threads(2)
    public void pacedBaseline2() {
        Blackhole.consumeCPU(PACE_TOKENS);
    }

    // --- our record(), ASYNC ---

    @Benchmark
    public void audit(RecorderPeer r, HandoffEvent e) {
        e.sent++;
        r.recorder.record(ActionType.UPDATE, e::fill);
    }

    @Benchmark
    @Threads(2)
    public void audit2(RecorderPeer r, HandoffEvent e) {
        e.sent++;
        r.recorder.record(ActionType.UPDATE, e::fill);
    }

    @Benchmark
    public void auditDrop(RecorderPeer.Dropping r, HandoffEvent e) {
        e.sent++;
        r.recorder.record(ActionType.UPDATE, e::fill);
    }

    @Benchmark
    @Threads(2)
    public void auditDrop2(RecorderPeer.Dropping r, HandoffEvent e) {
        e.sent++;
        r.recorder.record(ActionType.UPDATE, e::fill);
    }

    @Benchmark
    public void pacedAudit(RecorderPeer r, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        r.recorder.record(ActionType.UPDATE, e::fill);
    }

    @Benchmark
    @Threads(2)
    public void pacedAudit2(RecorderPeer r, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        r.recorder.record(ActionType.UPDATE, e::fill);
    }

    // --- Log4j 2 async loggers ---

    @Benchmark
    public void log4j(Log4jPeer l, HandoffEvent e) {
        e.sent++;
        toLog4j(l, e);
    }

    @Benchmark
    @Threads(2)
    public void log4j2(Log4jPeer l, HandoffEvent e) {
        e.sent++;
        toLog4j(l, e);
    }

    @Benchmark
    public void pacedLog4j(Log4jPeer l, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        toLog4j(l, e);
    }

    @Benchmark
    @Threads(2)
    public void pacedLog4j2(Log4jPeer l, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        toLog4j(l, e);
    }

    // --- Logback AsyncAppender ---

    @Benchmark
    public void logback(LogbackPeer l, HandoffEvent e) {
        e.sent++;
        toLogback(l, e);
    }

    @Benchmark
    @Threads(2)
    public void logback2(LogbackPeer l, HandoffEvent e) {
        e.sent++;
        toLogback(l, e);
    }

    @Benchmark
    public void pacedLogback(LogbackPeer l, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        toLogback(l, e);
    }

    @Benchmark
    @Threads(2)
    public void pacedLogback2(LogbackPeer l, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        toLogback(l, e);
    }

    /** Logback's default settings (queue 256, INFO discarded when 80 % full): counted drops. */
    @Benchmark
    public void logbackDefaults(LogbackPeer.Defaults l, HandoffEvent e) {
        e.sent++;
        toLogback(l, e);
    }

    @Benchmark
    public void pacedLogbackDefaults(LogbackPeer.Defaults l, HandoffEvent e) {
        e.sent++;
        Blackhole.consumeCPU(PACE_TOKENS);
        toLogback(l, e);
    }

    private static void toLog4j(Log4jPeer l, HandoffEvent e) {
        l.logger.info(
                HandoffEvent.PATTERN,
                e.actor,
                e.action,
                e.targetType,
                e.targetId,
                e.remarks,
                e.title,
                e.words,
                e.draft,
                e.clientIp,
                e.method,
                e.path,
                e.route,
                e.status,
                e.durationMs);
    }

    private static void toLogback(LogbackPeer l, HandoffEvent e) {
        l.logger.info(
                HandoffEvent.PATTERN,
                e.actor,
                e.action,
                e.targetType,
                e.targetId,
                e.remarks,
                e.title,
                e.words,
                e.draft,
                e.clientIp,
                e.method,
                e.path,
                e.route,
                e.status,
                e.durationMs);
    }
}
