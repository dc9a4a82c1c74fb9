// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of {@code record()} on the caller's thread (the request thread): building a typical
 * HTTP-shaped record, enriching, sanitizing and handing it to the writer. The sink only counts,
 * so the number is the recorder's own overhead, not a database's.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class RecordBenchmark {
    private static final long PACE_TOKENS = 1024;

    private ActivityRecorder recorder;
    private final LongAdder sunk = new LongAdder();

    @Setup(Level.Trial)
    public void start() {
        ActivitySink counting = batch -> sunk.add(batch.size());
        // DROP so a momentarily full queue never turns the measurement into a wait.
        recorder = ActivityRecorder.builder()
                .sink(counting)
                .overflow(OverflowPolicy.DROP)
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        RecorderStats stats = recorder.close(Duration.ofSeconds(30));
        System.out.printf(
                "%nrecorder: enqueued %d, written %d, dropped %d%n",
                stats.enqueued(), stats.written(), stats.dropped());
    }

    @Benchmark
    @Threads(1)
    public void recordOneThread(Blackhole bh) {
        recordTypical();
    }

    @Benchmark
    @Threads(2)
    public void recordTwoThreads(Blackhole bh) {
        recordTypical();
    }

    /**
     * Paced: work between records keeps the rate (a few hundred thousand per second) below what the
     * writer drains, as in a real application, so the queue always has room. The cost of
     * {@code record()} is this minus {@link #pacedBaseline}.
     */
    @Benchmark
    @Threads(1)
    public void pacedRecord() {
        Blackhole.consumeCPU(PACE_TOKENS);
        recordTypical();
    }

    /** The pacing work alone. */
    @Benchmark
    @Threads(1)
    public void pacedBaseline() {
        Blackhole.consumeCPU(PACE_TOKENS);
    }

    private void recordTypical() {
        recorder.record(
                ActionType.UPDATE,
                b -> b.actor("alice")
                        .target("Post", "42")
                        .remarks("User: alice -- Action Type: Update -- Path: /api/posts/42 -- Path Name: posts-detail")
                        .clientIp("203.0.113.7")
                        .httpMethod("PUT")
                        .httpPath("/api/posts/42")
                        .httpRoute("/api/posts/{id}")
                        .httpStatus(200)
                        .durationMs(3L));
    }
}
