// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches a recorder during a soak: every tick (100 ms) it keeps the highest queue depth and writer
 * lag; every window (a few seconds) it reports rates, those peaks, CPU and heap, and starts afresh.
 */
final class SoakSampler {
    static final String HEADER = "| t (s) | recorded/s | written/s | queue now | queue max | lag max (ms)"
            + " | JVM CPU % | machine CPU % | heap used (MiB) | live after GC (MiB) |\n"
            + "|---|---|---|---|---|---|---|---|---|---|";

    private final ActivityRecorder recorder;
    private final ProcessProbe probe;
    private final long start = System.nanoTime();
    private final List<Window> history = new ArrayList<>();
    private long windowStart = start;
    private long lastEnqueued;
    private long lastWritten;
    private int depthMax;
    private long lagMaxMillis;
    private int peakDepth;

    SoakSampler(ActivityRecorder recorder, ProcessProbe probe) {
        this.recorder = recorder;
        this.probe = probe;
    }

    /** One reading of a window. */
    record Window(
            double atSeconds,
            double recordedPerSecond,
            double writtenPerSecond,
            int depthNow,
            int depthMax,
            long lagMaxMillis,
            double jvmCpu,
            double machineCpu,
            long heapUsed,
            long liveAfterGc) {
        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %.0f | %,.0f | %,.0f | %,d | %,d | %d | %.0f | %.0f | %d | %s |",
                    atSeconds,
                    recordedPerSecond,
                    writtenPerSecond,
                    depthNow,
                    depthMax,
                    lagMaxMillis,
                    jvmCpu,
                    machineCpu,
                    heapUsed >> 20,
                    liveAfterGc < 0 ? "no GC yet" : String.valueOf(liveAfterGc >> 20));
        }
    }

    synchronized void tick() {
        RecorderStats s = recorder.stats();
        depthMax = Math.max(depthMax, s.queueDepth());
        peakDepth = Math.max(peakDepth, s.queueDepth());
        lagMaxMillis = Math.max(lagMaxMillis, s.oldestQueuedAge().toMillis());
    }

    synchronized Window window() {
        tick();
        RecorderStats s = recorder.stats();
        long now = System.nanoTime();
        double secs = (now - windowStart) / 1e9;
        ProcessProbe.Reading r = probe.read();
        Window w = new Window(
                (now - start) / 1e9,
                (s.enqueued() - lastEnqueued) / secs,
                (s.written() - lastWritten) / secs,
                s.queueDepth(),
                depthMax,
                lagMaxMillis,
                r.processCpuPercent(),
                r.machineCpuPercent(),
                r.heapUsed(),
                r.liveAfterGc());
        history.add(w);
        windowStart = now;
        lastEnqueued = s.enqueued();
        lastWritten = s.written();
        depthMax = 0;
        lagMaxMillis = 0;
        return w;
    }

    synchronized List<Window> history() {
        return List.copyOf(history);
    }

    /** Starts the peak depth afresh (for the burst). */
    synchronized void resetPeak() {
        peakDepth = 0;
    }

    synchronized int peakDepth() {
        return peakDepth;
    }

    /**
     * First third against last third of the soak: if the writer keeps up and nothing leaks, queue
     * peaks, lag and the live heap stay flat.
     */
    static String summary(List<Window> windows) {
        if (windows.size() < 3) {
            return "too few windows for a trend";
        }
        int third = windows.size() / 3;
        List<Window> first = windows.subList(0, third);
        List<Window> last = windows.subList(windows.size() - third, windows.size());
        return String.format(
                Locale.ROOT,
                "trend (first third → last third of the soak): written/s %,.0f → %,.0f; queue max %,d → %,d;"
                        + " lag max %d → %d ms; JVM CPU %.0f → %.0f %%; machine CPU %.0f → %.0f %%;"
                        + " live heap after GC %s → %s MiB",
                avg(first, Window::writtenPerSecond),
                avg(last, Window::writtenPerSecond),
                first.stream().mapToInt(Window::depthMax).max().orElse(0),
                last.stream().mapToInt(Window::depthMax).max().orElse(0),
                first.stream().mapToLong(Window::lagMaxMillis).max().orElse(0),
                last.stream().mapToLong(Window::lagMaxMillis).max().orElse(0),
                avg(first, Window::jvmCpu),
                avg(last, Window::jvmCpu),
                avg(first, Window::machineCpu),
                avg(last, Window::machineCpu),
                mib(first.get(first.size() - 1).liveAfterGc()),
                mib(last.get(last.size() - 1).liveAfterGc()));
    }

    private static double avg(List<Window> ws, java.util.function.ToDoubleFunction<Window> f) {
        return ws.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.valueOf(bytes >> 20);
    }
}
