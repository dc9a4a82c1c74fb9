// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.jdbi.JdbiActivityStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What storing a record costs the embedded H2 default, per schema or URL variant: each variant is
 * the shipped schema plus a few statements (e.g. one index dropped, {@code data} back to the CLOB it
 * was before H2's V6) or a URL suffix. Every trial stores the same chained records through {@link JdbiActivityStore#append} in
 * batches of {@code --batch} into a fresh H2 file, ending with a CHECKPOINT so the MVStore's own
 * writing is inside the window; variants alternate within each trial (the order rotates). Per
 * variant it prints the medians of records/s, process CPU µs per record, and bytes allocated per
 * record by all threads of this JVM (H2 writes on the caller's thread and its background writer).
 *
 * <p>Arguments: {@code --rows 50000 --trials 5 --batch 100 --data-chars 0 --variants base,clob,-actor,...}
 */
public final class H2WriteCost {
    private static final String TABLE = "activity_log";

    private H2WriteCost() {}

    /** The variants: extra statements after the shipped schema, and a suffix for the JDBC URL. */
    private static Map<String, Variant> variants() {
        Map<String, Variant> v = new LinkedHashMap<>();
        v.put("base", new Variant(List.of(), ""));
        // data as before H2's V6: a CLOB (kept apart from the row above 256 characters)
        v.put("clob", new Variant(List.of("ALTER TABLE " + TABLE + " ALTER COLUMN data SET DATA TYPE CLOB"), ""));
        for (String index : List.of("actor", "target", "time", "request", "login", "tenant", "chain")) {
            v.put("-" + index, new Variant(List.of("DROP INDEX " + TABLE + "_" + index + "_idx"), ""));
        }
        // no background rewriting of sparse chunks (space only; durability unchanged)
        v.put("nocompact", new Variant(List.of(), ";AUTO_COMPACT_FILL_RATE=0"));
        // a 64 MiB page cache instead of H2's default
        v.put("cache64m", new Variant(List.of(), ";CACHE_SIZE=65536"));
        return v;
    }

    public static void main(String[] args) throws Exception {
        report(args);
    }

    /** Runs every trial and returns the table rows, one per variant in the order asked for. */
    static List<String> report(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        Args a = new Args(args);
        int rows = Integer.parseInt(a.get("rows", "50000"));
        int trials = Integer.parseInt(a.get("trials", "5"));
        int batch = Integer.parseInt(a.get("batch", "100"));
        int dataChars = Integer.parseInt(a.get("data-chars", "0"));
        Map<String, Variant> all = variants();
        List<String> names =
                Arrays.asList(a.get("variants", String.join(",", all.keySet())).split(","));
        System.out.println(Machine.line());
        System.out.printf("%,d rows per trial, batches of %d, %d extra data chars%n", rows, batch, dataChars);
        List<ActivityLog> logs = chained(rows, dataChars);
        Path dir = Files.createTempDirectory("audit-h2cost");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        try {
            int run = 0;
            for (String n : names) {
                measure(dir, "w" + run++, all.get(n), logs.subList(0, Math.min(logs.size(), 20_000)), batch);
            }
            for (int t = 0; t < trials; t++) {
                for (int k = 0; k < names.size(); k++) {
                    String n = names.get((k + t) % names.size());
                    double[] r = measure(dir, "t" + run++, all.get(n), logs, batch);
                    results.computeIfAbsent(n, x -> new ArrayList<>()).add(r);
                    System.out.printf(
                            Locale.ROOT,
                            "trial %d %-14s %,9.0f rec/s %7.1f µs CPU/rec %,8.0f B/rec  %s%n",
                            t,
                            n,
                            r[0],
                            r[1],
                            r[2],
                            Machine.load());
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.printf("%n%s%n", Machine.line());
        System.out.println("| variant | records/s | CPU µs/record | allocated B/record | vs base (CPU) |");
        System.out.println("|---|---|---|---|---|");
        double baseCpu = results.containsKey("base") ? median(results.get("base"), 1) : Double.NaN;
        List<String> report = new ArrayList<>();
        for (String n : names) {
            List<double[]> r = results.get(n);
            report.add(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.1f | %,.0f | %+.0f %% |",
                    n,
                    median(r, 0),
                    median(r, 1),
                    median(r, 2),
                    (median(r, 1) / baseCpu - 1) * 100));
        }
        report.forEach(System.out::println);
        return report;
    }

    /** records/s, CPU µs per record, bytes allocated per record. */
    private static double[] measure(Path dir, String file, Variant v, List<ActivityLog> logs, int batch)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(file).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + v.urlSuffix();
        JdbiActivityStore.builder(url, "sa", "")
                .createSchema(true)
                .maxPoolSize(1)
                .build()
                .close();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            for (String sql : v.statements()) {
                s.execute(sql);
            }
        }
        try (JdbiActivityStore store = JdbiActivityStore.builder(url, "sa", "")
                        .createSchema(false)
                        .maxPoolSize(1)
                        .build();
                Connection keep = DriverManager.getConnection(url, "sa", "");
                Statement s = keep.createStatement()) {
            System.gc();
            long alloc0 = allocated();
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            for (int i = 0; i < logs.size(); i += batch) {
                store.append(logs.subList(i, Math.min(logs.size(), i + batch)));
            }
            s.execute("CHECKPOINT");
            long nanos = System.nanoTime() - t0;
            long cpu = cpu() - cpu0;
            long alloc = allocated() - alloc0;
            return new double[] {logs.size() / (nanos / 1e9), cpu / 1e3 / logs.size(), (double) alloc / logs.size()};
        }
    }

    /** Records as the recorder hands them over: UUID v7 ids and a hash chain. */
    private static List<ActivityLog> chained(int rows, int dataChars) {
        List<ActivityLog> plain = BenchRows.make(rows, 42, Instant.now(), Duration.ofHours(1), 1000, 4000);
        List<ActivityLog> out = new ArrayList<>(rows);
        String pad = "x".repeat(dataChars);
        HexFormat hex = HexFormat.of();
        byte[] h = new byte[32];
        String prev = "0".repeat(64);
        for (int i = 0; i < plain.size(); i++) {
            ActivityLog log = plain.get(i);
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(h);
            String hash = hex.formatHex(h);
            ActivityLog.Builder b = log.toBuilder().integrity(new ActivityLog.Integrity("chain-1", i + 1, prev, hash));
            if (dataChars > 0) {
                Map<String, Object> data = new LinkedHashMap<>(log.data());
                data.put("pad", pad);
                b.data(data);
            }
            out.add(b.build());
            prev = hash;
        }
        return out;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long allocated() {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(t.getThreadAllocatedBytes(t.getAllThreadIds()))
                .filter(x -> x > 0)
                .sum();
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private record Variant(List<String> statements, String urlSuffix) {}
}
