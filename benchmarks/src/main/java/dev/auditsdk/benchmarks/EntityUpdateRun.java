// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.hibernate.AuditEntities;
import dev.auditsdk.jdbi.JdbiActivityStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * What audit-hibernate adds to a single-entity update transaction (issue 14): one thread runs
 * transactions that each open a session, load one {@link BenchPost}, change its title and commit,
 * through three session factories on the same database and table: plain; with the module and a
 * recorder whose sink only counts (the listener, the diff at commit and the hand-off: what the module
 * itself costs the business thread); and with the module and an ASYNC recorder whose writer stores
 * into the same database meanwhile, as in production. The variants alternate in rounds, in a
 * rotating order, so drift of the shared machine hits them alike; round 0 warms up and is not counted.
 */
public final class EntityUpdateRun {
    private static final String AUDIT_TABLE = "bench_entity_audit";
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    enum Variant {
        PLAIN("Hibernate alone"),
        MODULE("+ audit-hibernate, counting sink"),
        MODULE_STORED("+ audit-hibernate, stored");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    /** One variant's figures on one database, in microseconds per transaction. */
    record Line(Variant variant, double p50, double mean, double p99, double cpu, double allocated) {}

    /** One database's figures. */
    record Result(String database, int transactions, Map<Variant, Line> lines, long auditRows) {
        double addedP50Percent(Variant v) {
            return 100.0
                    * (lines.get(v).p50() - lines.get(Variant.PLAIN).p50())
                    / lines.get(Variant.PLAIN).p50();
        }

        double addedMeanPercent(Variant v) {
            return 100.0
                    * (lines.get(v).mean() - lines.get(Variant.PLAIN).mean())
                    / lines.get(Variant.PLAIN).mean();
        }

        List<String> rows() {
            List<String> rows = new ArrayList<>();
            for (Variant v : Variant.values()) {
                Line l = lines.get(v);
                rows.add(String.format(
                        Locale.ROOT,
                        "| %s | %s | %,d | %.1f | %.1f | %.1f | %s | %s | %.1f | %,.0f |",
                        database,
                        v.label,
                        transactions,
                        l.p50(),
                        l.mean(),
                        l.p99(),
                        v == Variant.PLAIN ? "–" : String.format(Locale.ROOT, "%+.1f %%", addedP50Percent(v)),
                        v == Variant.PLAIN ? "–" : String.format(Locale.ROOT, "%+.1f %%", addedMeanPercent(v)),
                        l.cpu(),
                        l.allocated()));
            }
            return rows;
        }
    }

    private EntityUpdateRun() {}

    public static void main(String[] argv) throws Exception {
        System.out.println(Machine.line());
        System.out.println("before: " + Machine.load());
        List<Result> results = run(argv);
        System.out.println("after: " + Machine.load());
        System.out.println("| database | variant | transactions | p50 µs | mean µs | p99 µs | p50 added | mean added"
                + " | CPU µs (business thread) | allocated B (business thread) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            r.rows().forEach(System.out::println);
        }
    }

    /** Runs every database of {@code --db} (default h2,postgresql); throws when a record went missing. */
    static List<Result> run(String[] argv) throws Exception {
        Args args = new Args(argv);
        int rounds = Integer.parseInt(args.get("rounds", "10"));
        int perRound = Integer.parseInt(args.get("transactions", "500"));
        List<Result> results = new ArrayList<>();
        for (String name : args.get("db", "h2,postgresql").split(",")) {
            results.add(one(name.trim(), rounds, perRound));
        }
        return results;
    }

    private static Result one(String name, int rounds, int perRound) throws Exception {
        try (BenchDatabase db = BenchDatabase.of(name).fresh()) {
            db.createTable(AUDIT_TABLE);
            JdbiActivityStore store = db.store(AUDIT_TABLE);
            Map<Variant, Histogram> histograms = new EnumMap<>(Variant.class);
            // per variant: CPU ns and bytes allocated by this thread over the counted transactions
            Map<Variant, long[]> own = new EnumMap<>(Variant.class);
            for (Variant v : Variant.values()) {
                histograms.put(v, new Histogram(3));
                own.put(v, new long[2]);
            }
            LongAdder counted = new LongAdder();
            long auditRows;
            try (ActivityRecorder stored =
                            ActivityRecorder.builder().store(store).build();
                    ActivityRecorder counting = ActivityRecorder.builder()
                            .sink(batch -> counted.add(batch.size()))
                            .build();
                    HikariDataSource pool = pool(db);
                    SessionFactory plain = factory(pool, null, "create");
                    SessionFactory module = factory(pool, audit(counting), "none");
                    SessionFactory moduleStored = factory(pool, audit(stored), "none")) {
                Map<Variant, SessionFactory> factories = new EnumMap<>(Variant.class);
                factories.put(Variant.PLAIN, plain);
                factories.put(Variant.MODULE, module);
                factories.put(Variant.MODULE_STORED, moduleStored);
                for (Variant v : Variant.values()) {
                    insert(factories.get(v), v.ordinal() + 1L);
                }
                Variant[] all = Variant.values();
                for (int round = 0; round <= rounds; round++) {
                    // rotate which variant goes first, so none always runs on a warmer cache
                    for (int k = 0; k < all.length; k++) {
                        Variant v = all[(round + k) % all.length];
                        SessionFactory f = factories.get(v);
                        long cpu0 = THREADS.getCurrentThreadCpuTime();
                        long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
                        for (int i = 0; i < perRound; i++) {
                            long nanos = update(f, v.ordinal() + 1L, "title " + round + "." + i);
                            if (round > 0) {
                                histograms.get(v).recordValue(nanos);
                            }
                        }
                        if (round > 0) {
                            own.get(v)[0] += THREADS.getCurrentThreadCpuTime() - cpu0;
                            own.get(v)[1] += THREADS.getCurrentThreadAllocatedBytes() - allocated0;
                        }
                    }
                }
                for (ActivityRecorder r : List.of(stored, counting)) {
                    if (!r.flush(Duration.ofMinutes(2)) || r.stats().lost() > 0) {
                        throw new IllegalStateException("records not written: " + r.stats());
                    }
                }
                long expected = 1L + (long) (rounds + 1) * perRound;
                auditRows = db.count(AUDIT_TABLE);
                if (auditRows != expected || counted.sum() != expected) {
                    throw new IllegalStateException("audit rows " + auditRows + " and " + counted.sum()
                            + " counted, expected " + expected + " each");
                }
            } finally {
                store.close();
            }
            db.dropTable(AUDIT_TABLE);
            db.dropTable("bench_post");
            Map<Variant, Line> lines = new EnumMap<>(Variant.class);
            long measured = (long) rounds * perRound;
            histograms.forEach((v, h) -> lines.put(
                    v,
                    new Line(
                            v,
                            h.getValueAtPercentile(50) / 1000.0,
                            h.getMean() / 1000.0,
                            h.getValueAtPercentile(99) / 1000.0,
                            own.get(v)[0] / 1000.0 / measured,
                            (double) own.get(v)[1] / measured)));
            return new Result(db.name(), rounds * perRound, lines, auditRows);
        }
    }

    private static AuditEntities audit(ActivityRecorder recorder) {
        return AuditEntities.builder(recorder).actor(() -> "bench").build();
    }

    private static HikariDataSource pool(BenchDatabase db) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.url());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setMaximumPoolSize(2);
        c.setAutoCommit(false);
        return new HikariDataSource(c);
    }

    private static SessionFactory factory(HikariDataSource pool, @Nullable AuditEntities audit, String ddl) {
        Configuration cfg = new Configuration().addAnnotatedClass(BenchPost.class);
        cfg.getProperties().put("hibernate.connection.datasource", pool);
        cfg.getProperties().put("hibernate.connection.provider_disables_autocommit", "true");
        cfg.setProperty("hibernate.hbm2ddl.auto", ddl);
        if (audit != null) {
            cfg.getProperties().putAll(audit.applyTo(new HashMap<>()));
        }
        return cfg.buildSessionFactory();
    }

    private static void insert(SessionFactory f, long id) {
        try (Session s = f.openSession()) {
            s.beginTransaction();
            s.persist(new BenchPost(id));
            s.getTransaction().commit();
        }
    }

    /** One transaction: open a session, load the post, change its title, commit; its duration in ns. */
    private static long update(SessionFactory f, long id, String title) {
        long start = System.nanoTime();
        try (Session s = f.openSession()) {
            s.beginTransaction();
            s.find(BenchPost.class, id).title = title;
            s.getTransaction().commit();
        }
        return System.nanoTime() - start;
    }
}
