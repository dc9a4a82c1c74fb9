// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What a soak watches besides the recorder: this JVM's CPU, the whole machine's CPU (so the
 * database's share shows too), heap in use and the live heap left after the latest collection.
 * The live heap is taken from GC notifications, so no collection is ever forced.
 */
final class ProcessProbe {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong liveAfterGc = new AtomicLong(-1);
    private final AtomicLong collections = new AtomicLong();
    private long lastCpuNanos;
    private long lastWallNanos;
    private long[] lastMachine;

    ProcessProbe() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (n, h) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                                onCollection(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()));
                            }
                        },
                        null,
                        null);
            }
        }
        lastCpuNanos = os.getProcessCpuTime();
        lastWallNanos = System.nanoTime();
        lastMachine = machineTicks();
    }

    private void onCollection(GarbageCollectionNotificationInfo info) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        liveAfterGc.set(used);
        collections.incrementAndGet();
    }

    /** One reading since the previous one. */
    record Reading(double processCpuPercent, double machineCpuPercent, long heapUsed, long liveAfterGc, long gcs) {}

    Reading read() {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        long[] machine = machineTicks();
        int cores = Runtime.getRuntime().availableProcessors();
        double processCpu = 100.0 * (cpu - lastCpuNanos) / Math.max(1, wall - lastWallNanos) / cores;
        double machineCpu = Double.NaN;
        if (machine != null && lastMachine != null) {
            long busy = machine[0] - lastMachine[0];
            long total = machine[1] - lastMachine[1];
            machineCpu = total == 0 ? Double.NaN : 100.0 * busy / total;
        }
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        lastMachine = machine;
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Reading(processCpu, machineCpu, heapUsed, liveAfterGc.get(), collections.get());
    }

    /** Busy and total jiffies of all cores from /proc/stat, or null where there is none. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
