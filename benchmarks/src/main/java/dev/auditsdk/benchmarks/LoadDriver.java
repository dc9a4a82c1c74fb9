// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A fixed number of virtual users against one running app. In a closed loop (rate 0) each user
 * sends its next request as soon as the previous one is answered: the app runs flat out. At a fixed
 * rate each user keeps a schedule and latency counts from the scheduled start, so a stall shows in
 * full instead of just slowing the senders down (coordinated omission). alice and bob alternate;
 * every user's random mix is seeded by its index, so every configuration gets the same sequence.
 */
final class LoadDriver {
    private static final long SEED = 20261126L;

    private LoadDriver() {}

    /** What one run measured. {@code audited} counts every request the app should have recorded, warm-up and setup included. */
    record Result(
            long requests,
            double seconds,
            Histogram latency,
            long errors,
            Map<String, Long> errorKinds,
            long audited,
            double appCores,
            double driverCores,
            CostProbe.Sample cost) {
        double perSecond() {
            return requests / seconds;
        }

        /** The app JVM's CPU per request in the window, in microseconds. */
        double appMicros() {
            return cost.appCpuNanos() / 1000.0 / Math.max(1, requests);
        }

        /** The database server's CPU (the app's PostgreSQL backends) per request, in microseconds. */
        double dbMicros() {
            return cost.dbCpuNanos() / 1000.0 / Math.max(1, requests);
        }

        /** Bytes the app's threads allocated per request. */
        double allocatedBytes() {
            return (double) cost.appAllocatedBytes() / Math.max(1, requests);
        }

        /** A latency percentile in milliseconds. */
        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * Runs the users; {@code rate} is the total requests per second (0: closed loop); {@code cost} reads the app's
     * (and its database's) counters at the start and the end of the measured window, so the run can say what a
     * request cost and how the two cores were shared between the app and this driver.
     */
    static Result run(
            String baseUrl,
            String password,
            int users,
            double rate,
            Duration warmup,
            Duration duration,
            Supplier<CostProbe.Sample> cost)
            throws InterruptedException, ExecutionException {
        List<VirtualUser> vus = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            vus.add(new VirtualUser(baseUrl, i % 2 == 0 ? "alice" : "bob", SEED + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            // sign in and create each user's post in parallel (BCrypt is slow), before any clock starts
            List<Future<?>> setup = new ArrayList<>();
            for (VirtualUser vu : vus) {
                setup.add(pool.submit(() -> {
                    vu.login(password);
                    vu.createOwnPost();
                    return null;
                }));
            }
            for (Future<?> f : setup) {
                f.get();
            }
            List<Long> posts = vus.stream().map(vu -> vu.ownPost).toList();
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            List<Future<Loop>> loops = new ArrayList<>();
            long start = System.nanoTime();
            long interval = rate > 0 ? (long) (1e9 * users / rate) : 0;
            for (VirtualUser vu : vus) {
                // users start staggered over one interval, so a fixed rate is spread evenly
                long first = start + interval * vus.indexOf(vu) / users;
                long foreign = vus.stream()
                        .filter(o -> !o.name.equals(vu.name))
                        .findFirst()
                        .map(o -> o.ownPost)
                        .orElse(vu.ownPost);
                loops.add(pool.submit(() -> loop(vu, posts, foreign, first, interval, measureFrom, end)));
            }
            sleepUntil(measureFrom);
            CostProbe.Sample cost0 = cost.get();
            long driver0 = cpu(ProcessHandle.current());
            sleepUntil(end);
            CostProbe.Sample spent = cost.get().minus(cost0);
            double window = duration.toNanos();
            double appCores = spent.appCpuNanos() / window;
            double driverCores = (cpu(ProcessHandle.current()) - driver0) / window;
            Histogram all = new Histogram(60_000_000L, 3);
            long requests = 0;
            long errors = 0;
            long audited = 2L * users; // each user's Login and its first post
            Map<String, Long> kinds = new TreeMap<>();
            for (Future<Loop> f : loops) {
                Loop l = f.get();
                all.add(l.latency);
                requests += l.requests;
                errors += l.errors;
                audited += l.answered;
                l.kinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            }
            return new Result(
                    requests, duration.toNanos() / 1e9, all, errors, kinds, audited, appCores, driverCores, spent);
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time of a process in nanoseconds (0 where the platform does not tell). */
    static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** One user's share: latencies in microseconds of the requests answered inside the measured window. */
    private static final class Loop {
        final Histogram latency = new Histogram(60_000_000L, 3);
        final Map<String, Long> kinds = new TreeMap<>();
        long requests;
        long errors;
        long answered;
    }

    private static Loop loop(
            VirtualUser vu, List<Long> posts, long foreign, long first, long interval, long measureFrom, long end)
            throws InterruptedException {
        Loop l = new Loop();
        long scheduled = first;
        while (true) {
            if (interval > 0) {
                sleepUntil(scheduled);
            }
            VirtualUser.Outcome o = vu.next(posts, foreign);
            long now = System.nanoTime();
            long nanos = interval > 0 ? now - scheduled : o.nanos();
            scheduled += interval;
            if (o.error() == null || !o.error().startsWith("I/O error")) {
                l.answered++;
            }
            // Errors count in every phase: a broken warm-up is a broken run.
            if (o.error() != null) {
                l.errors++;
                l.kinds.merge(o.error(), 1L, Long::sum);
            }
            if (now >= end) {
                return l;
            }
            if (now >= measureFrom) {
                l.requests++;
                l.latency.recordValue(Math.min(60_000_000L, Math.max(1, nanos / 1000)));
            }
        }
    }
}
