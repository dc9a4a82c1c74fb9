// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Many threads flood one recorder (default settings) whose sink only counts: the end-to-end rate
 * (first {@code record()} until {@code flush()} returned), the longest {@code record()} call, how
 * many calls took longer than the block timeout, and where the records went. {@code --overflow
 * SPILL} adds a journal in a temporary directory; BLOCK runs without one.
 */
public final class FloodRun {
    private FloodRun() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int threads = Integer.parseInt(args.get("threads", "8"));
        int perThread = Integer.parseInt(args.get("records", "100000"));
        int trials = Integer.parseInt(args.get("trials", "3"));
        OverflowPolicy overflow = OverflowPolicy.valueOf(args.get("overflow", "BLOCK"));
        int thenRate = Integer.parseInt(args.get("then-rate", "0"));
        int thenSeconds = Integer.parseInt(args.get("then-seconds", "2"));
        System.out.println(Machine.line());
        for (int t = 0; t <= trials; t++) {
            String result = run(threads, perThread, overflow, thenRate, thenSeconds);
            System.out.println((t == 0 ? "warm-up: " : "trial " + t + ": ") + result);
        }
    }

    private static String run(int threads, int perThread, OverflowPolicy overflow, int thenRate, int thenSeconds)
            throws Exception {
        LongAdder sunk = new LongAdder();
        Path journal = overflow == OverflowPolicy.SPILL ? Files.createTempDirectory("flood-journal") : null;
        ActivityRecorder.Builder builder =
                ActivityRecorder.builder().sink(batch -> sunk.add(batch.size())).overflow(overflow);
        if (journal != null) {
            builder.journal(journal);
        }
        long blockNanos = Duration.ofMillis(50).toNanos();
        ActivityRecorder recorder = builder.build();
        long[] maxNanos = new long[threads];
        long[] overBlock = new long[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    long t0 = System.nanoTime();
                    recorder.record(
                            ActionType.UPDATE,
                            b -> b.actor("user-" + me)
                                    .target("Post", n)
                                    .remarks("edit " + n)
                                    .httpMethod("PUT")
                                    .httpPath("/api/posts/" + n));
                    long took = System.nanoTime() - t0;
                    maxNanos[me] = Math.max(maxNanos[me], took);
                    if (took > blockNanos) {
                        overBlock[me]++;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        String after = thenRate > 0 ? afterTheBurst(recorder, thenRate, thenSeconds) : "";
        boolean flushed = recorder.flush(Duration.ofMinutes(5));
        long nanos = System.nanoTime() - start;
        RecorderStats s = recorder.close(Duration.ofSeconds(30));
        if (journal != null) {
            deleteTree(journal);
        }
        long total = (long) threads * perThread + (thenRate > 0 ? (long) thenRate * thenSeconds : 0);
        return String.format(
                "%s %d x %d: %,.0f records/s end to end (flushed %s), longest record() %.1f ms, %d calls over 50 ms;"
                        + " written %d, spilled %d, replayed %d, dropped %d, failed %d, sink got %d of %d%s",
                overflow,
                threads,
                perThread,
                total * 1e9 / nanos,
                flushed,
                java.util.Arrays.stream(maxNanos).max().orElse(0) / 1e6,
                java.util.Arrays.stream(overBlock).sum(),
                s.written(),
                s.spilled(),
                s.replayed(),
                s.dropped(),
                s.failed(),
                sunk.sum(),
                total,
                after);
    }

    /**
     * Right after the burst, without waiting for the journal: one thread at a steady rate the
     * direct path easily takes. A recorder that lets go of the journal writes most of these directly.
     */
    private static String afterTheBurst(ActivityRecorder recorder, int rate, int seconds) {
        RecorderStats before = recorder.stats();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < rate * seconds; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int n = i;
            recorder.record(ActionType.READ, b -> b.actor("steady").target("Post", n));
        }
        recorder.flush(Duration.ofMinutes(5));
        RecorderStats after = recorder.stats();
        return String.format(
                "; then %d records at %d/s: %d written directly, %d spilled",
                rate * seconds, rate, after.written() - before.written(), after.spilled() - before.spilled());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
