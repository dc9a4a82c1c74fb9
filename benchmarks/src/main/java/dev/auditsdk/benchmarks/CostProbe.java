// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;

/**
 * What one request costs, read at the start and the end of the measured window: the app JVM's CPU
 * time (from /proc, through {@link ProcessHandle}), the bytes its threads allocated (the app's own
 * {@code ThreadMXBean} over a local JMX connection) and the CPU time of the PostgreSQL backends
 * that serve the app's audit connections (found by their {@code application_name} in
 * {@code pg_stat_activity}, CPU from /proc). H2 runs inside the app's JVM, so its CPU is app CPU.
 *
 * <p>Allocation counts the threads alive when each reading is taken: a thread that ends inside the
 * window loses its share (servlet container and writer threads live for the whole run).
 */
final class CostProbe implements AutoCloseable {
    private final ProcessHandle app;
    private final JMXConnector jmx;
    private final com.sun.management.ThreadMXBean threads;
    private final @Nullable BenchDatabase postgres;
    private final String applicationName;
    /** The backends' CPU at the first reading; a backend started later is charged all of its CPU. */
    private final Map<Long, Long> baseline = new HashMap<>();

    private boolean first = true;

    private CostProbe(
            ProcessHandle app,
            JMXConnector jmx,
            com.sun.management.ThreadMXBean threads,
            @Nullable BenchDatabase postgres,
            String applicationName) {
        this.app = app;
        this.jmx = jmx;
        this.threads = threads;
        this.postgres = postgres;
        this.applicationName = applicationName;
    }

    /**
     * Connects to the app's JMX port; {@code postgres} (null for H2) is where the backends named
     * {@code applicationName} run.
     */
    // JMX over RMI to the child JVM this run started, on loopback: no untrusted peer is involved.
    @SuppressWarnings("BanJNDI")
    static CostProbe connect(ProcessHandle app, int jmxPort, @Nullable BenchDatabase postgres, String applicationName)
            throws IOException {
        JMXConnector c = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        MBeanServerConnection server = c.getMBeanServerConnection();
        com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
        return new CostProbe(app, c, threads, postgres, applicationName);
    }

    /** The JVM options that open the app's JMX port on loopback only, without authentication. */
    static java.util.List<String> jmxOptions(int port) {
        return java.util.List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    /** Counters at one instant; subtract two to get a window's cost. */
    record Sample(long appCpuNanos, long appAllocatedBytes, long dbCpuNanos) {
        Sample minus(Sample earlier) {
            return new Sample(
                    appCpuNanos - earlier.appCpuNanos,
                    appAllocatedBytes - earlier.appAllocatedBytes,
                    dbCpuNanos - earlier.dbCpuNanos);
        }
    }

    /** Reads all three counters now; the first reading is the baseline of the backends' CPU. */
    Sample read() {
        long cpu = LoadDriver.cpu(app);
        long[] ids = threads.getAllThreadIds();
        long allocated = 0;
        for (long a : threads.getThreadAllocatedBytes(ids)) {
            allocated += Math.max(0, a);
        }
        return new Sample(cpu, allocated, dbCpu());
    }

    /** Sum over this run's backends of their CPU since the first reading (or since they started, if later). */
    private long dbCpu() {
        if (postgres == null) {
            return 0;
        }
        long sum = 0;
        for (long pid : backends()) {
            long now = ProcessHandle.of(pid)
                    .flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toNanos)
                    .orElse(-1L);
            if (now < 0) {
                continue; // gone, or /proc unreadable
            }
            if (first) {
                baseline.put(pid, now);
            }
            sum += now - baseline.getOrDefault(pid, 0L);
        }
        first = false;
        return sum;
    }

    private java.util.List<Long> backends() {
        java.util.List<Long> pids = new java.util.ArrayList<>();
        try (Connection c = java.util.Objects.requireNonNull(postgres).connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the app's PostgreSQL backends", e);
        }
        return pids;
    }

    @Override
    public void close() throws IOException {
        jmx.close();
    }
}
