// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writer thread's own ceiling: how many records per second one recorder moves from its queue to
 * a sink that only counts (hash chain included), with one producer thread. Databases take far
 * fewer, so this says how much room the writer leaves them. Warm-up run first, then trials.
 */
public final class WriterThroughput {
    private WriterThroughput() {}

    public static void main(String[] argv) {
        measure(argv);
    }

    /** Runs the trials and returns their rates in records/s, sorted; throws if a record was lost. */
    static double[] measure(String[] argv) {
        Args args = new Args(argv);
        int records = Integer.parseInt(args.get("records", "2000000"));
        int trials = Integer.parseInt(args.get("trials", "5"));
        System.out.println(Machine.line());
        run(records / 4);
        double[] rates = new double[trials];
        for (int t = 0; t < trials; t++) {
            rates[t] = run(records);
            System.out.printf("trial %d: %,.0f records/s%n", t + 1, rates[t]);
        }
        Arrays.sort(rates);
        System.out.printf("median: %,.0f records/s (%d records per trial)%n", rates[trials / 2], records);
        return rates;
    }

    private static double run(int records) {
        LongAdder sunk = new LongAdder();
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(batch -> sunk.add(batch.size()))
                .blockTimeout(Duration.ofSeconds(30))
                .build();
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            int n = i;
            recorder.record(
                    ActionType.UPDATE,
                    b -> b.actor("alice")
                            .target("Post", n)
                            .remarks("User: alice -- Action Type: Update -- Path: /api/posts/" + n
                                    + " -- Path Name: posts-detail")
                            .clientIp("203.0.113.7")
                            .httpMethod("PUT")
                            .httpPath("/api/posts/" + n)
                            .httpRoute("/api/posts/{id}")
                            .httpStatus(200)
                            .durationMs(3L));
        }
        recorder.flush(Duration.ofMinutes(5));
        long nanos = System.nanoTime() - start;
        RecorderStats stats = recorder.close(Duration.ofSeconds(30));
        if (stats.lost() != 0 || sunk.sum() != records) {
            throw new IllegalStateException("lost records: " + stats);
        }
        return records * 1e9 / nanos;
    }
}
