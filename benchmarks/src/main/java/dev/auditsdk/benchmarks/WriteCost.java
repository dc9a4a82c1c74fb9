// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.jdbi.JdbiOutbox;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.Function;

/**
 * What storing a record costs, per schema or URL variant, on the embedded H2 default or on
 * PostgreSQL: each variant is the shipped schema plus a few statements (e.g. one index dropped,
 * {@code data} back to H2's CLOB) or, on H2, a URL suffix. Every trial stores the same chained
 * records through {@link JdbiActivityStore#append} in batches of {@code --batch} into a fresh H2 file
 * or a fresh PostgreSQL table; variants alternate within each trial (the order rotates). On H2 a
 * CHECKPOINT ends the window, so the MVStore's own writing is inside it. Per variant it prints the
 * medians of records/s, this JVM's CPU µs per record, the PostgreSQL backend's CPU µs per record (the
 * store's one connection, found by its application name; 0 on H2, which runs in this JVM), and bytes
 * allocated per record by all threads of this JVM.
 *
 * <p>Arguments: {@code --db h2|postgresql --rows 50000 --trials 5 --batch 100 --data-chars 0
 * --tenants yes|no --warmup-rows 20000 --path store|outbox --variants base,clob,-actor,...}; PostgreSQL's address from {@code AUDIT_PG_URL}, {@code
 * AUDIT_PG_USER}, {@code AUDIT_PG_PASSWORD}.
 */
public final class WriteCost {
    private static final String STORE_APP = "audit-writecost";
    private static final List<String> INDEXES =
            List.of("actor", "target", "time", "request", "login", "tenant", "chain");

    private WriteCost() {}

    /** The variants: statements after the shipped schema (given the table), and a suffix for the H2 URL. */
    private static Map<String, Variant> variants(boolean postgres) {
        Map<String, Variant> v = new LinkedHashMap<>();
        v.put("base", new Variant(t -> List.of(), "", true));
        for (String index : INDEXES) {
            // By name, whatever the shipped schema calls it (activity_log_actor_idx, ..._actor_nn_idx).
            v.put("-" + index, new Variant(t -> List.of("DROP INDEX " + indexNamed(t, index)), "", true));
        }
        if (postgres) {
            // The lookup indexes as V1-V5 made them, on every row, instead of PostgreSQL's partial ones (V7).
            v.put("full", new Variant(WriteCost::fullIndexes, "", true));
            // every batch through the rewritten multi-row INSERT, none through COPY (batches of 500 or more)
            v.put("nocopy", new Variant(t -> List.of(), "", false));
        } else {
            // data as before H2's V6: a CLOB (kept apart from the row above 256 characters)
            v.put(
                    "clob",
                    new Variant(t -> List.of("ALTER TABLE " + t + " ALTER COLUMN data SET DATA TYPE CLOB"), "", true));
            // the outbox's payload as before H2's V8: a CLOB (for --path outbox)
            v.put(
                    "outboxclob",
                    new Variant(
                            t -> List.of("ALTER TABLE " + t + "_outbox ALTER COLUMN payload SET DATA TYPE CLOB"),
                            "",
                            true));
            // no background rewriting of sparse chunks (space only; durability unchanged)
            v.put("nocompact", new Variant(t -> List.of(), ";AUTO_COMPACT_FILL_RATE=0", true));
            // a 64 MiB page cache instead of H2's default
            v.put("cache64m", new Variant(t -> List.of(), ";CACHE_SIZE=65536", true));
        }
        return v;
    }

    private static List<String> fullIndexes(String t) {
        List<String> out = new ArrayList<>();
        Map<String, String> keys = Map.of(
                "actor", "actor, occurred_at, id",
                "target", "target_type, target_id, occurred_at, id",
                "request", "request_id",
                "login", "login_name, occurred_at, id",
                "tenant", "tenant, occurred_at, id");
        keys.forEach((name, columns) -> {
            out.add("DROP INDEX IF EXISTS " + t + "_" + name + "_nn_idx");
            out.add("CREATE INDEX IF NOT EXISTS " + t + "_" + name + "_idx ON " + t + " (" + columns + ")");
        });
        return out;
    }

    /** A placeholder resolved against the table's indexes once it exists (see {@link #resolve}). */
    private static String indexNamed(String table, String key) {
        return "{index:" + table + ":" + key + "}";
    }

    public static void main(String[] args) throws Exception {
        report(args);
    }

    /** Runs every trial and returns the table rows, one per variant in the order asked for. */
    static List<String> report(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        Args a = new Args(args);
        boolean postgres = a.get("db", "h2").equals("postgresql");
        int rows = Integer.parseInt(a.get("rows", "50000"));
        int trials = Integer.parseInt(a.get("trials", "5"));
        int batch = Integer.parseInt(a.get("batch", "100"));
        int dataChars = Integer.parseInt(a.get("data-chars", "0"));
        // rows stored per variant before the trials (JIT compilation otherwise shows in the CPU column)
        int warmupRows = Integer.parseInt(a.get("warmup-rows", "20000"));
        // "no": every record without a tenant, as in a single-tenant application
        boolean tenants = !a.get("tenants", "yes").equals("no");
        // "outbox": each batch inserted into the transactional outbox on a connection of its own and
        // committed (what a business transaction pays in the outbox mode; no relay runs)
        boolean outbox = a.get("path", "store").equals("outbox");
        Map<String, Variant> all = variants(postgres);
        List<String> names =
                Arrays.asList(a.get("variants", String.join(",", all.keySet())).split(","));
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException("unknown variant '" + n + "'; known: " + all.keySet());
            }
        }
        System.out.println(Machine.line());
        System.out.printf(
                "%s, %s, %,d rows per trial, batches of %d, %d extra data chars, %s%n",
                postgres ? "PostgreSQL" : "H2 file",
                outbox ? "into the outbox" : "through the store",
                rows,
                batch,
                dataChars,
                tenants ? "100 tenants" : "no tenant");
        List<ActivityLog> logs = chained(rows, dataChars, tenants);
        Path dir = Files.createTempDirectory("audit-writecost");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Target target = new Target(postgres, outbox, dir);
        try {
            int run = 0;
            for (String n : names) {
                for (int done = 0; done < warmupRows; done += logs.size()) {
                    int size = Math.min(logs.size(), warmupRows - done);
                    target.measure("w" + run++, all.get(n), logs.subList(0, size), batch);
                }
            }
            for (int t = 0; t < trials; t++) {
                for (int k = 0; k < names.size(); k++) {
                    String n = names.get((k + t) % names.size());
                    double[] r = target.measure("t" + run++, all.get(n), logs, batch);
                    results.computeIfAbsent(n, x -> new ArrayList<>()).add(r);
                    System.out.printf(
                            Locale.ROOT,
                            "trial %d %-14s %,9.0f rec/s %7.1f µs CPU/rec %6.1f µs DB/rec %,8.0f B/rec  %s%n",
                            t,
                            n,
                            r[0],
                            r[1],
                            r[3],
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
        System.out.println(
                "| variant | records/s | CPU µs/record | DB CPU µs/record | allocated B/record | vs base (CPU + DB) |");
        System.out.println("|---|---|---|---|---|---|");
        double base = results.containsKey("base")
                ? median(results.get("base"), 1) + median(results.get("base"), 3)
                : Double.NaN;
        List<String> report = new ArrayList<>();
        for (String n : names) {
            List<double[]> r = results.get(n);
            report.add(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.1f | %.1f | %,.0f | %+.0f %% |",
                    n,
                    median(r, 0),
                    median(r, 1),
                    median(r, 3),
                    median(r, 2),
                    ((median(r, 1) + median(r, 3)) / base - 1) * 100));
        }
        report.forEach(System.out::println);
        return report;
    }

    /** Where a trial writes: a new H2 file, or a new PostgreSQL table. */
    private record Target(boolean postgres, boolean outbox, Path dir) {
        /** records/s, CPU µs per record, bytes allocated per record, backend CPU µs per record. */
        double[] measure(String name, Variant v, List<ActivityLog> logs, int batch) throws Exception {
            String url;
            String table;
            String user;
            String password;
            if (postgres) {
                url = withApplicationName(BenchDatabase.env("AUDIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
                user = BenchDatabase.env("AUDIT_PG_USER", "postgres");
                password = BenchDatabase.env("AUDIT_PG_PASSWORD", "");
                table = "writecost_" + name;
            } else {
                url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + v.urlSuffix();
                user = "sa";
                password = "";
                table = "activity_log";
            }
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("DROP TABLE IF EXISTS " + table + ", " + table + "_outbox");
                }
                JdbiActivityStore.builder(url, user, password)
                        .tableName(table)
                        .createSchema(true)
                        .maxPoolSize(1)
                        .build()
                        .close();
                for (String sql : v.statements().apply(table)) {
                    s.execute(resolve(c, sql));
                }
            }
            try (JdbiActivityStore store = JdbiActivityStore.builder(url, user, password)
                            .tableName(table)
                            .createSchema(false)
                            .maxPoolSize(1)
                            .copyBatches(v.copy())
                            .build();
                    Connection keep = DriverManager.getConnection(url, user, password);
                    Connection business = DriverManager.getConnection(url, user, password);
                    ActivityRecorder recorder =
                            ActivityRecorder.builder().sink(store).build();
                    JdbiOutbox box = JdbiOutbox.builder(store, recorder).build();
                    Statement s = keep.createStatement()) {
                business.setAutoCommit(false);
                store.append(logs.subList(0, 1)); // opens the store's one connection
                System.gc();
                List<Long> backends = postgres ? backends(keep) : List.of();
                long db0 = cpu(backends);
                long alloc0 = allocated();
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                for (int i = 1; i < logs.size(); i += batch) {
                    List<ActivityLog> part = logs.subList(i, Math.min(logs.size(), i + batch));
                    if (outbox) {
                        box.insert(business, part);
                        business.commit();
                    } else {
                        store.append(part);
                    }
                }
                if (!postgres) {
                    s.execute("CHECKPOINT");
                }
                long nanos = System.nanoTime() - t0;
                long cpu = cpu() - cpu0;
                long alloc = allocated() - alloc0;
                long db = cpu(backends) - db0;
                int n = logs.size() - 1;
                if (postgres) {
                    s.execute("DROP TABLE " + table + ", " + table + "_outbox");
                }
                return new double[] {n / (nanos / 1e9), cpu / 1e3 / n, (double) alloc / n, db / 1e3 / n};
            }
        }
    }

    /** Replaces an {@code {index:table:key}} placeholder with the name of the table's index for that key. */
    private static String resolve(Connection c, String sql) throws SQLException {
        int at = sql.indexOf("{index:");
        if (at < 0) {
            return sql;
        }
        String[] parts = sql.substring(at + 1, sql.indexOf('}', at)).split(":");
        String table = parts[1];
        String key = parts[2];
        try (ResultSet rs = c.getMetaData()
                .getIndexInfo(
                        null,
                        null,
                        c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table,
                        false,
                        false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index != null && index.toLowerCase(Locale.ROOT).matches(table + "_" + key + "(_nn)?_idx")) {
                    return sql.substring(0, at) + index + sql.substring(sql.indexOf('}', at) + 1);
                }
            }
        }
        throw new IllegalStateException("no index for " + key + " on " + table);
    }

    private static String withApplicationName(String url) {
        return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + STORE_APP;
    }

    /** The backends of connections opened with this run's application name. */
    private static List<Long> backends(Connection c) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, STORE_APP);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        }
        return pids;
    }

    private static long cpu(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            sum += ProcessHandle.of(pid)
                    .flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toNanos)
                    .orElse(0L);
        }
        return sum;
    }

    /** Records as the recorder hands them over: UUID v7 ids and a hash chain. */
    private static List<ActivityLog> chained(int rows, int dataChars, boolean tenants) {
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
            if (!tenants) {
                b.tenant(null);
            }
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

    private record Variant(Function<String, List<String>> statements, String urlSuffix, boolean copy) {}
}
