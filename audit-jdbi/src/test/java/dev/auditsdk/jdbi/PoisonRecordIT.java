// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record PostgreSQL rejects (it violates a CHECK constraint a DBA added) in the middle of a batch: the
 * writer does not stall, every other record is written, the store reports the poison row, and the
 * verifier shows its chain position as a gap (nothing vanishes silently).
 */
class PoisonRecordIT {
    @TempDir
    Path dir;

    @Test
    void poisonRecordDoesNotStallTheWriter() throws Exception {
        try (TestDb db = TestDb.open("postgresql", dir)) {
            Set<UUID> ids = new HashSet<>();
            try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                    var s = c.createStatement()) {
                s.execute("ALTER TABLE activity_log ADD CONSTRAINT no_poison CHECK (remarks <> 'poison')");
            }
            ActivityLog poison =
                    ActivityLog.builder(ActionType.CREATE).remarks("poison").build();
            RecorderStats stats;
            try (ActivityRecorder r = ActivityRecorder.builder()
                    .store(db.store())
                    .closeSinkOnClose(false)
                    .journal(dir.resolve("journal"))
                    .retry(2, Duration.ofMillis(10), Duration.ofMillis(10))
                    .build()) {
                for (int i = 0; i < 2000; i++) {
                    if (i == 1000) {
                        r.record(poison);
                    }
                    ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
                            .actor("u")
                            .remarks("ok " + i)
                            .build();
                    ids.add(log.id());
                    r.record(log);
                }
                assertThat(r.flush(Duration.ofSeconds(60))).isTrue();
                stats = r.stats();
            }
            Map<UUID, Integer> stored = Figures.idCounts(db.url(), db.user(), db.password());
            assertThat(stored.keySet()).containsAll(ids).doesNotContain(poison.id());
            assertThat(db.store().poisonRows() + stats.quarantined()).isEqualTo(1);
            Trails.Verdict v = Trails.verify(db.url(), db.user(), db.password(), null);
            assertThat(v.exitCode()).isEqualTo(1);
            assertThat(v.report().get("issues").get(0).get("kind").asText()).isEqualTo("GAP");
            assertThat(v.report().get("issueCount").asLong()).isEqualTo(1);
        }
    }
}
