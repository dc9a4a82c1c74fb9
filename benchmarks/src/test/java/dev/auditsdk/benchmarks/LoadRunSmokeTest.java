// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The load harness end to end on H2, a few seconds per configuration: the example app starts in a
 * child JVM, users sign in, no request fails and the trail holds one row per request. No timing is
 * asserted (timings belong in the reported run, not in a test).
 */
class LoadRunSmokeTest {
    @Test
    void smokeRunOnH2IsClean() throws Exception {
        // every configuration: off, ASYNC, SYNC and the Logbook peer; a run is clean only if its cost was measured
        assertThat(LoadRun.run(new String[] {"--smoke", "--connections", "4"})).isTrue();
    }

    @Test
    void smokeRunOnPostgresqlFindsTheAppsBackends() throws Exception {
        try (BenchDatabase d = BenchDatabase.of("postgresql");
                java.sql.Connection c = d.connect()) {
            assertThat(c.isValid(5)).isTrue();
        } catch (java.sql.SQLException e) {
            if (System.getenv("AUDIT_REQUIRE_DATABASES") != null) {
                throw new IllegalStateException("AUDIT_REQUIRE_DATABASES is set but PostgreSQL is unreachable", e);
            }
            org.junit.jupiter.api.Assumptions.abort("PostgreSQL unreachable: " + e.getMessage());
        }
        assertThat(LoadRun.run(
                        new String[] {"--smoke", "--db", "postgresql", "--connections", "4", "--configs", "async"}))
                .isTrue();
    }
}
