// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values a database might store differently from how they were hashed still verify (no false positives). */
class HostileValuesVerifyIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2", "mariadb"})
    void hostileValuesVerifyClean(String database) {
        try (TestDb db = TestDb.open(database, dir)) {
            try (ActivityRecorder r = ActivityRecorder.builder()
                    .store(db.store())
                    .closeSinkOnClose(false)
                    .build()) {
                r.record(ActivityLog.builder(ActionType.UPDATE)
                        .actor("a\u0000b")
                        .remarks("x\r\ny\u0000z\u2028")
                        .data(Map.of(
                                "nul",
                                "a\u0000b",
                                "big",
                                12345678901234567890.0,
                                "small",
                                1e-9,
                                "int",
                                Long.MAX_VALUE,
                                "dec",
                                new java.math.BigDecimal("1.500"),
                                "list",
                                List.of(1.0, "\ud83d\ude00", Map.of()),
                                "emptyKey",
                                Map.of("", "v")))
                        .build());
                r.record(ActivityLog.builder(ActionType.of("Export"))
                        .remarks("")
                        .actor("")
                        .build());
                assertThat(r.flush(Duration.ofSeconds(30))).isTrue();
            }
            Trails.Verdict v = Trails.verify(db.url(), db.user(), db.password(), null);
            assertThat(v.exitCode()).as(v.report().toString()).isZero();
        }
    }
}
