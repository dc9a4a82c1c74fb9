// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No false positives: a clean trail written by the recorder verifies clean, with its verification
 * speed reported. 20,000 rows per database in the normal build; 1,000,000 rows with
 * {@code -Plong-tests} (system property {@code audit.long}).
 */
class CleanTrailIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2", "mariadb"})
    void cleanTrailHasNoFindings(String database) {
        boolean longRun = Boolean.getBoolean("audit.long");
        int rows = longRun && database.equals("postgresql") ? 1_000_000 : 20_000;
        try (TestDb db = TestDb.open(database, dir)) {
            long t0 = System.nanoTime();
            Trails.Trail trail = Trails.write(db.store(), dir, rows);
            long writeMillis = (System.nanoTime() - t0) / 1_000_000;
            Trails.Verdict v = Trails.verify(db.url(), db.user(), db.password(), trail);
            assertThat(v.exitCode()).as(v.report().toString()).isZero();
            assertThat(v.report().get("rowsChecked").asLong()).isEqualTo(rows);
            assertThat(v.report().get("rowsValid").asLong()).isEqualTo(rows);
            assertThat(v.report().get("issueCount").asLong()).isZero();
            Figures.report(
                    "clean-trail",
                    String.format(
                            "%s, %,d rows: 0 findings, written in %,d ms,"
                                    + " verified in %,d ms = %,d rows/s (%d checkpoints valid)",
                            database,
                            rows,
                            writeMillis,
                            v.report().get("elapsedMs").asLong(),
                            v.report().get("rowsPerSecond").asLong(),
                            v.report().get("checkpointsValid").asInt()));
        }
    }
}
