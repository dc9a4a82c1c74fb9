// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.jdbi.JdbiOutbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What binding records to the business transaction adds to it (issue 15): one thread runs small
 * business transactions (one INSERT, commit) on PostgreSQL with no auditing, and with 1 or 10
 * records held in an {@link ActivityTransaction} and handed to an ASYNC recorder after the commit
 * (the after-commit mode), or inserted into the {@link JdbiOutbox} on the business connection in one
 * batch before the commit (the outbox mode; its relay runs meanwhile). Variants alternate in rounds,
 * so drift of the shared machine hits them alike; the recorder's writer stores into the same
 * database meanwhile, as in production.
 */
public final class TransactionCostRun {
    private enum Variant {
        NONE(0, false),
        AFTER_COMMIT_1(1, false),
        AFTER_COMMIT_10(10, false),
        OUTBOX_1(1, true),
        OUTBOX_10(10, true);

        final int records;
        final boolean outbox;

        Variant(int records, boolean outbox) {
            this.records = records;
            this.outbox = outbox;
        }
    }

    private TransactionCostRun() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int rounds = Integer.parseInt(args.get("rounds", "10"));
        int perRound = Integer.parseInt(args.get("transactions", "500"));
        System.out.println(Machine.line());
        try (BenchDatabase db = BenchDatabase.of(args.get("database", "postgresql"))) {
            db.createTable("bench_tx_audit");
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_tx_business");
                s.execute("CREATE TABLE bench_tx_business (id BIGINT PRIMARY KEY, note VARCHAR(100))");
            }
            JdbiActivityStore store = db.store("bench_tx_audit");
            Map<Variant, Histogram> latencies = new EnumMap<>(Variant.class);
            Map<Variant, Histogram> handoffs = new EnumMap<>(Variant.class);
            for (Variant v : Variant.values()) {
                latencies.put(v, new Histogram(3));
                handoffs.put(v, new Histogram(3));
            }
            long[] handoff = new long[1];
            try (ActivityRecorder recorder =
                            ActivityRecorder.builder().store(store).build();
                    JdbiOutbox outbox =
                            JdbiOutbox.builder(store, recorder).build().startRelay();
                    Connection c = db.connect()) {
                c.setAutoCommit(false);
                long id = 0;
                // Round 0 warms the JIT, the connection and the table up; it is not counted.
                for (int round = 0; round <= rounds; round++) {
                    for (Variant v : Variant.values()) {
                        for (int i = 0; i < perRound; i++) {
                            long nanos = transaction(c, recorder, outbox, v, ++id, handoff);
                            if (round > 0) {
                                latencies.get(v).recordValue(nanos);
                                handoffs.get(v).recordValue(handoff[0]);
                            }
                        }
                    }
                }
                outbox.close();
                while (outbox.relayOnce() > 0) {
                    // what the relay thread left
                }
                if (!recorder.flush(Duration.ofMinutes(2)) || recorder.stats().lost() > 0) {
                    throw new IllegalStateException("records not written: " + recorder.stats());
                }
                long expected = (long) (rounds + 1) * perRound * (1 + 10 + 1 + 10);
                System.out.println("audit rows " + db.count("bench_tx_audit") + " (expected " + expected + "), "
                        + recorder.stats());
            } finally {
                store.close();
            }
            double base = latencies.get(Variant.NONE).getValueAtPercentile(50) / 1000.0;
            System.out.printf(
                    "%-16s %10s %10s %10s %10s %12s %14s %14s%n",
                    "variant", "p50 µs", "p90 µs", "p99 µs", "mean µs", "p50 added", "audit p50 µs", "audit p99 µs");
            for (Variant v : Variant.values()) {
                Histogram h = latencies.get(v);
                double p50 = h.getValueAtPercentile(50) / 1000.0;
                System.out.printf(
                        "%-16s %10.1f %10.1f %10.1f %10.1f %12.1f %14.2f %14.2f%n",
                        v,
                        p50,
                        h.getValueAtPercentile(90) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0,
                        h.getMean() / 1000.0,
                        p50 - base,
                        handoffs.get(v).getValueAtPercentile(50) / 1000.0,
                        handoffs.get(v).getValueAtPercentile(99) / 1000.0);
            }
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_tx_business");
            }
            db.dropTable("bench_tx_audit");
        }
    }

    /**
     * One business transaction; its duration in nanoseconds, from the first statement to after the
     * audit hand-off. {@code handoff[0]} gets the part spent in the audit calls alone.
     */
    private static long transaction(
            Connection c, ActivityRecorder recorder, JdbiOutbox outbox, Variant v, long id, long[] handoff)
            throws Exception {
        long start = System.nanoTime();
        ActivityTransaction tx = v.records == 0 ? null : recorder.beginTransaction();
        long audit = System.nanoTime() - start;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_tx_business (id, note) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "order " + id);
            insert.executeUpdate();
        }
        long t = System.nanoTime();
        if (tx != null) {
            for (int r = 0; r < v.records; r++) {
                tx.record(ActionType.CREATE, b -> b.actor("bench").target("Order", id));
            }
        }
        if (tx != null && v.outbox) {
            // One batched insert on the business connection, inside the transaction.
            tx.commitTo(logs -> outbox.insert(c, logs));
        }
        audit += System.nanoTime() - t;
        c.commit();
        t = System.nanoTime();
        if (tx != null && !v.outbox) {
            tx.commit();
        }
        long end = System.nanoTime();
        handoff[0] = audit + (end - t);
        return end - start;
    }
}
