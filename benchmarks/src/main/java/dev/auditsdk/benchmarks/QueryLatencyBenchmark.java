// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.read.ReadScope;
import dev.auditsdk.spi.ActivityStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Read latency on a large table with the shipped indexes, on PostgreSQL or the embedded H2 file:
 * "latest 50 for one actor", "latest 50 for one target", the records of one request id, the second
 * keyset page of an actor, a tenant's newest page, and the global newest page. The table is filled
 * once through the store ({@code --rows}, default 1,000,000; 1,000 actors, 20,000 targets over 30 days)
 * and analyzed; each query shape then runs {@code --queries} times after a warm-up, single-threaded.
 *
 * <p>Arguments: {@code --db postgresql|h2 --rows 1000000 --queries 2000 --keep} ({@code --keep} leaves
 * the PostgreSQL table for the next run, which then skips the fill; an H2 file is always deleted).
 */
public final class QueryLatencyBenchmark {
    private static final String TABLE = "bench_query";
    private static final int TARGETS_PER_TYPE = 4000;
    private static final String[] TYPES = {"Post", "Article", "Invoice", "Comment", "User"};

    private QueryLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        report(args);
    }

    /** Fills the table, times each query shape and returns the table rows; throws if a shape finds nothing. */
    static List<String> report(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        Args a = new Args(args);
        BenchDatabase d = BenchDatabase.of(a.get("db", "postgresql"));
        int rows = Integer.parseInt(a.get("rows", "1000000"));
        int queries = Integer.parseInt(a.get("queries", "2000"));
        System.out.println(Machine.line());
        fill(d, rows);
        SplittableRandom r = new SplittableRandom(7);
        List<String> report = new ArrayList<>();
        try (JdbiActivityStore store = d.store(TABLE)) {
            report.add(measure(
                    "latest 50 for one actor",
                    queries,
                    i -> ActivityQuery.builder()
                            .actor("user" + r.nextInt(actors(rows)))
                            .limit(50)
                            .build(),
                    store));
            report.add(measure(
                    "latest 50 for one target",
                    queries,
                    i -> ActivityQuery.builder()
                            .targetType(TYPES[r.nextInt(TYPES.length)])
                            .targetId(String.valueOf(r.nextInt(TARGETS_PER_TYPE)))
                            .limit(50)
                            .build(),
                    store));
            List<String> requestIds = requestIds(d, rows, queries, r);
            report.add(measure(
                    "the records of one request id",
                    queries,
                    i -> ActivityQuery.builder()
                            .requestId(requestIds.get(i % requestIds.size()))
                            .limit(50)
                            .build(),
                    store));
            report.add(measure(
                    "2nd page of 50 for one actor (keyset)",
                    queries,
                    i -> {
                        ActivityQuery first = ActivityQuery.builder()
                                .actor("user" + r.nextInt(actors(rows)))
                                .limit(50)
                                .build();
                        return first.toBuilder()
                                .cursor(store.find(first).nextCursor().orElseThrow())
                                .build();
                    },
                    store));
            report.add(measure(
                    "latest 50 for one tenant (read scope)",
                    queries,
                    i -> ActivityQuery.builder().limit(50).build(),
                    scoped(store, r)));
            report.add(measure(
                    "latest 50 for one tenant and one actor (read scope)",
                    queries,
                    i -> ActivityQuery.builder()
                            .actor("user" + r.nextInt(actors(rows)))
                            .limit(50)
                            .build(),
                    scoped(store, r)));
            report.add(measure(
                    "latest 50, no filter",
                    queries,
                    i -> ActivityQuery.builder().limit(50).build(),
                    store));
        }
        System.out.printf("%n%s, %,d rows, %d queries per shape%n", d.name(), d.count(TABLE), queries);
        System.out.println("| query | median | p90 | p99 |");
        System.out.println("|---|---|---|---|");
        report.forEach(System.out::println);
        if (!Boolean.parseBoolean(a.get("keep", "false"))) {
            d.dropTable(TABLE);
        }
        // An H2 file lives in a temporary directory of this run: --keep cannot keep it.
        d.close();
        return report;
    }

    /** The store as a random tenant's auditor sees it, a new tenant for every query. */
    private static ActivityStore scoped(JdbiActivityStore store, SplittableRandom r) {
        return new ActivityStore() {
            @Override
            public void append(List<ActivityLog> batch) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ActivityPage find(ActivityQuery query) {
                return ReadScope.tenant("tenant" + r.nextInt(BenchRows.TENANTS))
                        .over(store)
                        .find(query);
            }

            @Override
            public java.util.Optional<ActivityLog> get(java.util.UUID id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long purgeBefore(Instant cutoff) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** About {@code n} request ids present in the table (each record has its own), from random rows. */
    private static List<String> requestIds(BenchDatabase d, int rows, int n, SplittableRandom r) throws Exception {
        int oneIn = Math.max(1, rows / Math.max(1, n));
        List<String> out = new ArrayList<>();
        try (Connection c = d.connect();
                Statement s = c.createStatement();
                java.sql.ResultSet rs =
                        s.executeQuery("SELECT request_id FROM " + TABLE + " WHERE request_id IS NOT NULL")) {
            while (rs.next()) {
                if (r.nextInt(oneIn) == 0 || out.isEmpty()) {
                    out.add(rs.getString(1));
                }
            }
        }
        java.util.Collections.shuffle(out, new java.util.Random(r.nextLong()));
        return out;
    }

    /** 1,000 actors at a million rows; fewer on smaller tables, so every actor has a second page. */
    private static int actors(int rows) {
        return Math.max(1, Math.min(1000, rows / 1000));
    }

    private static void fill(BenchDatabase d, int rows) throws Exception {
        try {
            if (d.count(TABLE) == rows) {
                System.out.printf("reusing %s with %,d rows%n", TABLE, rows);
                return;
            }
        } catch (java.sql.SQLException missing) {
            // no table yet
        }
        d.createTable(TABLE);
        long start = System.nanoTime();
        int chunk = 10_000;
        Duration span = Duration.ofDays(30).dividedBy(Math.max(1, rows / chunk));
        Instant end = Instant.now().minus(Duration.ofDays(30));
        try (JdbiActivityStore store = d.store(TABLE)) {
            for (int done = 0; done < rows; done += chunk) {
                end = end.plus(span);
                List<ActivityLog> logs =
                        BenchRows.make(Math.min(chunk, rows - done), done, end, span, actors(rows), TARGETS_PER_TYPE);
                for (int i = 0; i < logs.size(); i += 1000) {
                    store.append(logs.subList(i, Math.min(logs.size(), i + 1000)));
                }
            }
        }
        try (Connection c = d.connect();
                Statement s = c.createStatement()) {
            s.execute(d.postgres() ? "VACUUM ANALYZE " + TABLE : "ANALYZE");
        }
        System.out.printf("filled %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
    }

    private static String measure(String name, int queries, IntFunction<ActivityQuery> make, ActivityStore store) {
        for (int i = 0; i < Math.max(200, queries / 5); i++) {
            store.find(make.apply(i));
        }
        long[] nanos = new long[queries];
        int found = 0;
        for (int i = 0; i < queries; i++) {
            ActivityQuery q = make.apply(i);
            long start = System.nanoTime();
            ActivityPage page = store.find(q);
            nanos[i] = System.nanoTime() - start;
            found += page.items().size();
        }
        if (found == 0) {
            throw new IllegalStateException("no query of the shape '" + name + "' found a row");
        }
        java.util.Arrays.sort(nanos);
        String line = String.format(
                Locale.ROOT,
                "| %s | %.2f ms | %.2f ms | %.2f ms |",
                name,
                nanos[queries / 2] / 1e6,
                nanos[queries * 9 / 10] / 1e6,
                nanos[queries * 99 / 100] / 1e6);
        System.out.printf("%s  (avg %.1f rows per page)%n", line, (double) found / queries);
        return line;
    }
}
