// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Rows per second into one database, in one run, same rows, same table definition: (a) raw JDBC
 * {@code addBatch/executeBatch} at the best batch size found by a scan, and (b) the sustained
 * ASYNC {@link ActivityRecorder} writing to a {@code JdbiActivityStore} (from the first
 * {@code record()} to a completed flush; on PostgreSQL the store's batches go through COPY), and on
 * PostgreSQL (b0) the same recorder with the store's COPY turned off (its rewritten batch insert) and
 * (c) the raw idempotent COPY (COPY into a temporary table, then {@code INSERT … SELECT … ON CONFLICT
 * DO NOTHING}, same rows, same batch size as (a)). Every raw path writes all 28 columns the store
 * writes, hash chain included (chained before the clock starts). Warm-up runs first; then the trials alternate, each into a
 * fresh empty table, and the medians are reported.
 *
 * <p>Arguments: {@code --db h2,postgresql --rows 200000 --h2-rows 60000 --trials 5 --batch-sizes 500,1000,2000}
 */
public final class PersistenceBenchmark {
    private PersistenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        report(args);
    }

    /** Runs the comparison and returns its table rows, one per database; throws if a row was lost. */
    static List<String> report(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        Args a = new Args(args);
        System.out.println(Machine.line());
        List<String> report = new ArrayList<>();
        for (String db : a.get("db", "h2,postgresql").split(",")) {
            try (BenchDatabase d = BenchDatabase.of(db.strip())) {
                int rows =
                        Integer.parseInt(a.get(d.postgres() ? "rows" : "h2-rows", d.postgres() ? "200000" : "60000"));
                report.add(run(
                        d,
                        rows,
                        Integer.parseInt(a.get("trials", "5")),
                        Arrays.stream(a.get("batch-sizes", "500,1000,2000").split(","))
                                .mapToInt(Integer::parseInt)
                                .toArray()));
            }
        }
        System.out.println();
        System.out.println(
                "| database | rows/trial | (a) raw JDBC batch, median | (b) recorder ASYNC → JdbiActivityStore, median"
                        + " | b/a (medians) | b/a (median of per-trial pairs)"
                        + " | (b0) recorder, store's insert path (copyBatches(false)), median | b0/a (median of pairs)"
                        + " | (c) raw COPY → staging → INSERT…SELECT, median | c/a (median of per-trial pairs) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        report.forEach(System.out::println);
        return report;
    }

    static String run(BenchDatabase d, int rows, int trials, int[] batchSizes) throws Exception {
        System.out.printf("%n== %s, %d rows per trial ==%n", d.name(), rows);
        List<ActivityLog> logs = BenchRows.make(rows, 42, Instant.now(), Duration.ofHours(1), 1000, 4000);
        Object[][] raw = RawJdbcInserter.prepare(logs);
        boolean pg = d.postgres();
        // Warm-up: every path once, not counted.
        raw(d, raw, 1000, "warm-up");
        recorder(d, logs, 1000, true, "warm-up");
        if (pg) {
            recorder(d, logs, 1000, false, "warm-up");
            copy(d, raw, 1000, "warm-up");
        }
        int best = batchSizes[0];
        double bestRate = 0;
        for (int size : batchSizes) {
            double rate = raw(d, raw, size, "scan");
            if (rate > bestRate) {
                bestRate = rate;
                best = size;
            }
        }
        System.out.printf("best raw batch size: %d%n", best);
        List<Double> rawRates = new ArrayList<>();
        List<Double> recRates = new ArrayList<>();
        List<Double> insertRecRates = new ArrayList<>();
        List<Double> copyRates = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            // Rotate which path goes first, so a drift in machine load hits them alike.
            String label = "trial " + t;
            int size = best;
            List<java.util.concurrent.Callable<Double>> order = new ArrayList<>();
            order.add(() -> {
                rawRates.add(raw(d, raw, size, label));
                return 0.0;
            });
            order.add(() -> {
                recRates.add(recorder(d, logs, size, true, label));
                return 0.0;
            });
            if (pg) {
                // The recorder on the store's insert path (COPY off): the writer before COPY.
                order.add(() -> {
                    insertRecRates.add(recorder(d, logs, size, false, label));
                    return 0.0;
                });
                order.add(() -> {
                    copyRates.add(copy(d, raw, size, label));
                    return 0.0;
                });
            }
            Collections.rotate(order, -((t - 1) % order.size()));
            for (var step : order) {
                step.call();
            }
        }
        double a = median(rawRates);
        double b = median(recRates);
        // Each trial's pair ran back to back under the same machine load: its ratio is the steadier figure.
        List<Double> pairRatios = ratios(recRates, rawRates);
        System.out.printf(
                Locale.ROOT,
                "%s: raw median %.0f rows/s, recorder median %.0f rows/s, ratio of medians %.2f,"
                        + " per-trial ratios %s%n",
                d.name(),
                a,
                b,
                b / a,
                pairRatios.stream()
                        .map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .toList());
        String pgColumns = "– | – | – | – |";
        if (pg) {
            List<Double> insertRatios = ratios(insertRecRates, rawRates);
            System.out.printf(
                    Locale.ROOT,
                    "%s: recorder on the insert path (COPY off) median %.0f rows/s, per-trial ratios %s;"
                            + " recorder COPY on / off per trial %s%n",
                    d.name(),
                    median(insertRecRates),
                    insertRatios.stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r))
                            .toList(),
                    ratios(recRates, insertRecRates).stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r))
                            .toList());
            pgColumns = String.format(
                    Locale.ROOT,
                    "%,.0f rows/s (batch %d) | %.2f | %,.0f rows/s (batch %d) | %.2f |",
                    median(insertRecRates),
                    best,
                    median(insertRatios),
                    median(copyRates),
                    best,
                    median(ratios(copyRates, rawRates)));
        }
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %,.0f rows/s (batch %d) | %,.0f rows/s (batch %d) | %.2f | %.2f | %s",
                d.name(),
                rows,
                a,
                best,
                b,
                best,
                b / a,
                median(pairRatios),
                pgColumns);
    }

    private static List<Double> ratios(List<Double> of, List<Double> to) {
        List<Double> r = new ArrayList<>();
        for (int t = 0; t < of.size(); t++) {
            r.add(of.get(t) / to.get(t));
        }
        return r;
    }

    private static double raw(BenchDatabase db, Object[][] rows, int batchSize, String label) throws Exception {
        BenchDatabase d = db.fresh();
        String table = "bench_raw";
        d.createTable(table);
        long nanos;
        try (Connection c = d.connect()) {
            nanos = RawJdbcInserter.insert(c, table, d.postgres(), rows, batchSize);
        }
        check(d, table, rows.length);
        double rate = rows.length / (nanos / 1e9);
        System.out.printf(Locale.ROOT, "  raw JDBC   batch %5d  %-8s %,10.0f rows/s%n", batchSize, label, rate);
        return rate;
    }

    private static double copy(BenchDatabase db, Object[][] rows, int batchSize, String label) throws Exception {
        String table = "bench_copy";
        db.createTable(table);
        long nanos;
        try (Connection c = db.connect()) {
            nanos = RawJdbcInserter.copy(c, table, rows, batchSize);
        }
        check(db, table, rows.length);
        double rate = rows.length / (nanos / 1e9);
        System.out.printf(Locale.ROOT, "  COPY+move  batch %5d  %-8s %,10.0f rows/s%n", batchSize, label, rate);
        return rate;
    }

    private static double recorder(BenchDatabase db, List<ActivityLog> logs, int batchSize, boolean copy, String label)
            throws Exception {
        BenchDatabase d = db.fresh();
        String table = "bench_recorder";
        d.createTable(table);
        ActivityRecorder recorder = ActivityRecorder.builder()
                .store(d.store(table, copy))
                .batchSize(batchSize)
                .blockTimeout(Duration.ofMinutes(1))
                .build();
        long start = System.nanoTime();
        for (ActivityLog log : logs) {
            recorder.record(log);
        }
        if (!recorder.flush(Duration.ofMinutes(10))) {
            throw new IllegalStateException("recorder did not flush");
        }
        long nanos = System.nanoTime() - start;
        RecorderStats stats = recorder.close(Duration.ofMinutes(1));
        if (stats.written() != logs.size() || stats.lost() != 0) {
            throw new IllegalStateException("recorder lost records: " + stats);
        }
        check(d, table, logs.size());
        double rate = logs.size() / (nanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  recorder%s batch %5d  %-8s %,10.0f rows/s (retried batches %d)%n",
                copy ? "   " : "/I ",
                batchSize,
                label,
                rate,
                stats.retried());
        return rate;
    }

    private static void check(BenchDatabase d, String table, long expected) throws Exception {
        long n = d.count(table);
        if (n != expected) {
            throw new IllegalStateException(table + " holds " + n + " rows, expected " + expected);
        }
        d.dropTable(table);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
