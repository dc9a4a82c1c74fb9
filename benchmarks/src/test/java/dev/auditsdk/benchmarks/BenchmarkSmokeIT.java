// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark in a smoke mode of seconds, so the harness cannot rot between the documented
 * full runs: each must run to the end, produce a figure and lose nothing. No figure is judged here;
 * timings belong to the full runs in BENCHMARKS.md.
 */
class BenchmarkSmokeIT {

    @Test
    void everyJmhBenchmarkRunsAndReportsAScore() throws Exception {
        // A developer's own JMH run may hold the lock; a smoke run judges no timing, so it need not wait.
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include("dev\\.auditsdk\\.benchmarks\\..*")
                        .mode(Mode.AverageTime)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .forks(1)
                        // the test classpath also holds the Spring example's Logback: keep slf4j-simple
                        .jvmArgsPrepend("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider")
                        .shouldFailOnError(true)
                        .build())
                .run();

        assertThat(results).isNotEmpty();
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore())
                    .as(r.getParams().getBenchmark())
                    .isPositive();
        }
    }

    @Test
    void writerThroughputSmoke() {
        // Throws when the sink did not get every record; the rate is a figure, not judged.
        double[] rates = WriterThroughput.measure(new String[] {"--records", "20000", "--trials", "1"});

        assertThat(rates).hasSize(1);
        assertThat(rates[0]).isPositive().isFinite();
    }

    @Test
    void entityUpdateSmokeOnH2() throws Exception {
        entityUpdateSmoke("h2");
    }

    @Test
    void entityUpdateSmokeOnPostgresql() throws Exception {
        requirePostgresql();
        entityUpdateSmoke("postgresql");
    }

    /** Throws inside the run when an audited update left no record; the figures are not judged. */
    private static void entityUpdateSmoke(String db) throws Exception {
        List<EntityUpdateRun.Result> results =
                EntityUpdateRun.run(new String[] {"--db", db, "--rounds", "1", "--transactions", "20"});

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.auditRows()).isEqualTo(1 + 2 * 20);
            assertThat(r.lines())
                    .hasSize(3)
                    .allSatisfy((v, l) -> assertThat(l.p50()).as(v.label).isPositive());
            assertThat(r.rows()).hasSize(3).allSatisfy(row -> assertThat(row).startsWith("| " + r.database() + " | "));
        });
    }

    @Test
    void persistenceSmokeOnH2() throws Exception {
        List<String> report = PersistenceBenchmark.report(
                new String[] {"--db", "h2", "--h2-rows", "2000", "--trials", "1", "--batch-sizes", "500"});

        assertThat(report)
                .singleElement(as(STRING))
                .startsWith("| H2 file | 2,000 | ")
                .contains("rows/s (batch 500)");
    }

    @Test
    void persistenceSmokeOnPostgresql() throws Exception {
        requirePostgresql();
        List<String> report = PersistenceBenchmark.report(
                new String[] {"--db", "postgresql", "--rows", "3000", "--trials", "1", "--batch-sizes", "500"});

        assertThat(report)
                .singleElement(as(STRING))
                .startsWith("| PostgreSQL | 3,000 | ")
                // raw batch, recorder (COPY), recorder on the insert path and the raw COPY each report a rate
                .matches("(.*rows/s \\(batch 500\\)){4}.*");
    }

    @Test
    void queryLatencySmokeOnPostgresql() throws Exception {
        requirePostgresql();
        try (BenchDatabase d = BenchDatabase.of("postgresql")) {
            d.dropTable("bench_query"); // a table kept by an earlier run may have another shape
        }
        // Throws when a query shape finds no row.
        List<String> report =
                QueryLatencyBenchmark.report(new String[] {"--db", "postgresql", "--rows", "60000", "--queries", "20"});

        assertThat(report)
                .extracting(row -> row.substring(0, row.indexOf(" |", 2)))
                .containsExactly(
                        "| latest 50 for one actor",
                        "| latest 50 for one target",
                        "| the records of one request id",
                        "| 2nd page of 50 for one actor (keyset)",
                        "| latest 50 for one tenant (read scope)",
                        "| latest 50 for one tenant and one actor (read scope)",
                        "| latest 50, no filter");
    }

    @Test
    void queryLatencySmokeOnH2() throws Exception {
        // Throws when a query shape finds no row.
        List<String> report =
                QueryLatencyBenchmark.report(new String[] {"--db", "h2", "--rows", "20000", "--queries", "20"});

        assertThat(report).hasSize(7).allMatch(row -> row.matches("\\| .+ \\| [0-9.]+ ms \\| .*"));
    }

    @Test
    void writeCostSmokeOnH2() throws Exception {
        List<String> report = WriteCost.report(
                new String[] {"--rows", "2000", "--trials", "1", "--data-chars", "300", "--variants", "base,clob,-login"
                });

        assertThat(report)
                .extracting(row -> row.substring(0, row.indexOf(" |", 2)))
                .containsExactly("| base", "| clob", "| -login");
    }

    @Test
    void writeCostIntoTheOutboxSmokeOnH2() throws Exception {
        List<String> report = WriteCost.report(new String[] {
            "--path", "outbox", "--rows", "2000", "--trials", "1", "--batch", "10", "--variants", "base,outboxclob"
        });

        assertThat(report)
                .extracting(row -> row.substring(0, row.indexOf(" |", 2)))
                .containsExactly("| base", "| outboxclob");
    }

    @Test
    void writeCostSmokeOnPostgresql() throws Exception {
        requirePostgresql();
        List<String> report = WriteCost.report(new String[] {
            "--db", "postgresql", "--rows", "2000", "--trials", "1", "--tenants", "no", "--variants", "base,full,-login"
        });

        // Every row has run and measured the backend's CPU (a store writing through no backend would show 0).
        assertThat(report)
                .extracting(row -> row.substring(0, row.indexOf(" |", 2)))
                .containsExactly("| base", "| full", "| -login");
        assertThat(report).allMatch(row -> !row.split(" \\| ")[3].equals("0.0"));
    }

    @Test
    void soakSmokeOnH2() throws Exception {
        SoakRun.Result r = SoakRun.run(new String[] {"--smoke"});

        assertThat(r.lost()).isZero();
        assertThat(r.rows()).isEqualTo(r.recorded()).isPositive();
        assertThat(r.windows()).isNotEmpty();
    }

    @Test
    void soakSmokeOnPostgresql() throws Exception {
        requirePostgresql();
        SoakRun.Result r = SoakRun.run(new String[] {"--smoke", "--db", "postgresql"});

        assertThat(r.lost()).isZero();
        assertThat(r.rows()).isEqualTo(r.recorded()).isPositive();
    }

    /** Skips on a laptop without PostgreSQL; fails when AUDIT_REQUIRE_DATABASES says it must be there. */
    private static void requirePostgresql() throws Exception {
        try (BenchDatabase d = BenchDatabase.of("postgresql");
                Connection c = d.connect()) {
            assertThat(c.isValid(5)).isTrue();
        } catch (SQLException e) {
            if (System.getenv("AUDIT_REQUIRE_DATABASES") != null) {
                throw new IllegalStateException("AUDIT_REQUIRE_DATABASES is set but PostgreSQL is unreachable", e);
            }
            Assumptions.abort("PostgreSQL unreachable, smoke run skipped: " + e.getMessage());
        }
    }
}
