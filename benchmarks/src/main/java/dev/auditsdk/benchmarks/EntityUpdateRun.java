// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.hibernate.AuditEntities;
import dev.auditsdk.jdbi.JdbiActivityStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * What audit-hibernate adds to a single-entity update transaction (issue 14): one thread runs
 * transactions that each open a session, load one {@link BenchPost}, change its title and commit,
 * through two session factories on the same database and table: one plain, one with the module (its
 * listeners, the diff at commit and the hand-off to an ASYNC recorder whose writer stores into the same
 * database meanwhile, as in production). The two alternate in rounds, so drift of the shared machine
 * hits them alike; round 0 warms up and is not counted.
 */
public final class EntityUpdateRun {
    private static final String AUDIT_TABLE = "bench_entity_audit";

    /** One database's figures, in microseconds per transaction. */
    record Result(
            String database,
            int transactions,
            double plainP50,
            double auditedP50,
            double plainMean,
            double auditedMean,
            double plainP99,
            double auditedP99,
            long auditRows) {
        double addedP50Percent() {
            return 100.0 * (auditedP50 - plainP50) / plainP50;
        }

        double addedMeanPercent() {
            return 100.0 * (auditedMean - plainMean) / plainMean;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %+.1f %% | %+.1f %% | %,d |",
                    database,
                    transactions,
                    plainP50,
                    auditedP50,
                    plainMean,
                    auditedMean,
                    plainP99,
                    auditedP99,
                    addedP50Percent(),
                    addedMeanPercent(),
                    auditRows);
        }
    }

    private EntityUpdateRun() {}

    public static void main(String[] argv) throws Exception {
        System.out.println(Machine.line());
        System.out.println("| database | transactions per variant | p50 µs plain / audited | mean µs plain / audited"
                + " | p99 µs plain / audited | p50 added | mean added | audit rows |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : run(argv)) {
            System.out.println(r.row());
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
            Histogram plain = new Histogram(3);
            Histogram audited = new Histogram(3);
            long auditRows;
            try (ActivityRecorder recorder =
                            ActivityRecorder.builder().store(store).build();
                    HikariDataSource pool = pool(db);
                    SessionFactory without = factory(pool, null, "create");
                    SessionFactory with = factory(
                            pool,
                            AuditEntities.builder(recorder).actor(() -> "bench").build(),
                            "none")) {
                insert(without, 1);
                insert(with, 2);
                for (int round = 0; round <= rounds; round++) {
                    // alternate which variant goes first, so neither always runs on a warmer cache
                    boolean plainFirst = round % 2 == 0;
                    for (int pass = 0; pass < 2; pass++) {
                        boolean isPlain = (pass == 0) == plainFirst;
                        SessionFactory f = isPlain ? without : with;
                        long id = isPlain ? 1 : 2;
                        for (int i = 0; i < perRound; i++) {
                            long nanos = update(f, id, "title " + round + "." + i);
                            if (round > 0) {
                                (isPlain ? plain : audited).recordValue(nanos);
                            }
                        }
                    }
                }
                if (!recorder.flush(Duration.ofMinutes(2)) || recorder.stats().lost() > 0) {
                    throw new IllegalStateException("records not written: " + recorder.stats());
                }
                long expected = 1L + (long) (rounds + 1) * perRound;
                auditRows = db.count(AUDIT_TABLE);
                if (auditRows != expected) {
                    throw new IllegalStateException("audit rows " + auditRows + ", expected " + expected);
                }
            } finally {
                store.close();
            }
            db.dropTable(AUDIT_TABLE);
            db.dropTable("bench_post");
            return new Result(
                    db.name(),
                    rounds * perRound,
                    plain.getValueAtPercentile(50) / 1000.0,
                    audited.getValueAtPercentile(50) / 1000.0,
                    plain.getMean() / 1000.0,
                    audited.getMean() / 1000.0,
                    plain.getValueAtPercentile(99) / 1000.0,
                    audited.getValueAtPercentile(99) / 1000.0,
                    auditRows);
        }
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
