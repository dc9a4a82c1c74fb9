// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sustained writing through the recorder: a fixed rate (default 10,000 records/s) for a fixed time
 * (default 5 minutes) into one database with the recorder's default settings, sampling queue depth,
 * writer lag (age of the oldest queued record), CPU and heap; then a burst (default 100,000 records
 * spread over one second) and the time until all of it is written. Fails if a single record is
 * lost or the table does not hold exactly what was recorded.
 *
 * <p>Arguments: {@code --db postgresql --rate 10000 --seconds 300 --burst 100000 --sample 10}
 * ({@code --linger-ms 20}, the default linger, to try others);
 * {@code --smoke} shrinks it to seconds (H2 unless {@code --db} says otherwise).
 */
public final class SoakRun {
    private static final String TABLE = "bench_soak";

    private SoakRun() {}

    /** What a run proved: counts, the burst's drain time and the soak's samples. */
    record Result(long recorded, long rows, long lost, Duration burstDrain, List<SoakSampler.Window> windows) {}

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static Result run(String[] argv) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        Args a = new Args(argv);
        boolean smoke = Boolean.parseBoolean(a.get("smoke", "false"));
        int rate = Integer.parseInt(a.get("rate", smoke ? "2000" : "10000"));
        int seconds = Integer.parseInt(a.get("seconds", smoke ? "4" : "300"));
        int burst = Integer.parseInt(a.get("burst", smoke ? "20000" : "100000"));
        int sample = Integer.parseInt(a.get("sample", smoke ? "1" : "10"));
        System.out.println(Machine.line());
        System.out.println(Machine.load());
        try (BenchDatabase d = BenchDatabase.of(a.get("db", smoke ? "h2" : "postgresql"))) {
            d.createTable(TABLE);
            ActivityRecorder recorder = ActivityRecorder.builder()
                    .store(d.store(TABLE))
                    .linger(Duration.ofMillis(Long.parseLong(a.get("linger-ms", "20"))))
                    .build();
            SoakSampler sampler = new SoakSampler(recorder, new ProcessProbe());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "soak-sampler");
                t.setDaemon(true);
                return t;
            });
            System.out.printf(
                    "%n%s: %,d records/s for %d s, then a burst of %,d in 1 s (recorder defaults)%n%n",
                    d.name(), rate, seconds, burst);
            System.out.println(SoakSampler.HEADER);
            timer.scheduleAtFixedRate(sampler::tick, 100, 100, TimeUnit.MILLISECONDS);
            var printer = timer.scheduleAtFixedRate(
                    () -> System.out.println(sampler.window().row()), sample, sample, TimeUnit.SECONDS);
            long recorded = emit(recorder, (long) rate * seconds, Duration.ofSeconds(seconds), 0);
            printer.cancel(false);
            List<SoakSampler.Window> soak = sampler.history();
            sampler.resetPeak();

            long burstStart = System.nanoTime();
            recorded += emit(recorder, burst, Duration.ofSeconds(1), recorded);
            long burstEmitted = System.nanoTime();
            if (!recorder.flush(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the burst was not written within 5 minutes: " + recorder.stats());
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - burstStart);
            timer.shutdownNow();
            RecorderStats stats = recorder.close(Duration.ofMinutes(1));
            long rows = d.count(TABLE);
            System.out.printf(
                    Locale.ROOT,
                    "%nburst: %,d records emitted in %d ms, all written %d ms after the burst began;"
                            + " peak queue depth %,d%n",
                    burst,
                    (burstEmitted - burstStart) / 1_000_000,
                    drain.toMillis(),
                    sampler.peakDepth());
            System.out.printf(
                    "recorded %,d, rows in table %,d, written %,d, dropped %d, failed %d, retried batches %d%n",
                    recorded, rows, stats.written(), stats.dropped(), stats.failed(), stats.retried());
            System.out.println(SoakSampler.summary(soak));
            if (stats.lost() != 0 || rows != recorded) {
                throw new IllegalStateException("records lost: recorded " + recorded + ", rows " + rows + ", " + stats);
            }
            d.dropTable(TABLE);
            return new Result(recorded, rows, stats.lost(), drain, soak);
        }
    }

    /** Records {@code count} records spread evenly over {@code span}, as an application would. */
    private static long emit(ActivityRecorder recorder, long perSpan, Duration span, long offset) {
        long start = System.nanoTime();
        long nanos = span.toNanos();
        long sent = 0;
        while (sent < perSpan) {
            long elapsed = System.nanoTime() - start;
            long due = elapsed >= nanos ? perSpan : (long) ((double) perSpan * elapsed / nanos);
            for (; sent < due; sent++) {
                long n = offset + sent;
                recorder.record(
                        ActionType.UPDATE,
                        b -> b.actor("user" + (n % 500))
                                .target("Post", n % 20_000)
                                .remarks("User: user" + (n % 500) + " -- Action Type: Update -- Path: /api/posts/"
                                        + (n % 20_000) + " -- Path Name: posts-detail")
                                .clientIp("203.0.113.7")
                                .httpMethod("PUT")
                                .httpPath("/api/posts/" + (n % 20_000))
                                .httpRoute("/api/posts/{id}")
                                .httpStatus(200)
                                .durationMs(3L)
                                .data(Map.of("title", "Soak", "words", 120, "draft", false)));
            }
            LockSupport.parkNanos(200_000);
        }
        return sent;
    }
}
