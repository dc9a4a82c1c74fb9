// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderStats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Our ASYNC recorder with its defaults (queue 65,536, hash chain on, a sink that only counts).
 * {@link OverflowPolicy#BLOCK} with a 10 s timeout: a full queue makes the caller wait for the
 * writer instead of dropping, so in a flood this measures the writer (which hashes every record).
 * Drops, if any, are printed at tear-down.
 */
@State(Scope.Benchmark)
public class RecorderPeer {
    ActivityRecorder recorder;
    private final LongAdder sunk = new LongAdder();

    OverflowPolicy overflow() {
        return OverflowPolicy.BLOCK;
    }

    @Setup(Level.Trial)
    public void start() {
        recorder = ActivityRecorder.builder()
                .sink(batch -> sunk.add(batch.size()))
                .overflow(overflow())
                .blockTimeout(Duration.ofSeconds(10))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        RecorderStats stats = recorder.close(Duration.ofSeconds(30));
        System.out.printf(
                "%nrecorder (%s): enqueued %d, written %d, dropped %d, failed %d%n",
                overflow(), stats.enqueued(), stats.written(), stats.dropped(), stats.failed());
    }

    /**
     * {@link OverflowPolicy#DROP}: a full queue drops the record at once (counted in
     * {@link RecorderStats#dropped()}, printed at tear-down), so a flood measures {@code record()}
     * itself rather than the writer behind it.
     */
    public static class Dropping extends RecorderPeer {
        @Override
        OverflowPolicy overflow() {
            return OverflowPolicy.DROP;
        }
    }
}
