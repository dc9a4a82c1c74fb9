// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.Checkpoint;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.internal.integrity.HashChain;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real tampering on real databases, each on a fresh trail of 200 chained and checkpointed rows
 * whose recorder closed: the command-line verifier must exit 1 and name the first bad row, and
 * exit 0 on the untouched trail.
 */
class TamperDetectionIT {
    private static final int ROWS = 200;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "postgresql, none",
        "postgresql, update-remarks",
        "postgresql, delete-row",
        "postgresql, swap-rows",
        "postgresql, insert-forged",
        "postgresql, truncate-tail",
        "postgresql, append-after-close",
        "h2, none",
        "h2, update-remarks",
        "h2, delete-row",
        "h2, swap-rows",
        "h2, insert-forged",
        "h2, truncate-tail",
        "h2, append-after-close"
    })
    void verifierDetectsTamperingAndNamesTheFirstBadRow(String database, String tampering) throws SQLException {
        try (TestDb db = TestDb.open(database, dir)) {
            JdbiActivityStore store = db.store();
            Trails.Trail trail = Trails.write(store, dir, ROWS);
            List<ActivityLog> logs = trail.logs();
            ActivityLog forged = null;
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement s = c.createStatement()) {
                switch (tampering) {
                    case "none" -> {}
                    case "update-remarks" ->
                        s.executeUpdate("UPDATE activity_log SET remarks = 'nothing to see' WHERE chain_seq = 50");
                    case "delete-row" -> s.executeUpdate("DELETE FROM activity_log WHERE chain_seq = 60");
                    case "swap-rows" -> {
                        s.executeUpdate("UPDATE activity_log SET chain_seq = -70 WHERE chain_seq = 70");
                        s.executeUpdate("UPDATE activity_log SET chain_seq = 70 WHERE chain_seq = 71");
                        s.executeUpdate("UPDATE activity_log SET chain_seq = 71 WHERE chain_seq = -70");
                    }
                    case "insert-forged" -> {
                        // An attacker with DDL rights who knows the hash algorithm: a well-formed row at seq 80.
                        s.execute("DROP INDEX activity_log_chain_idx");
                        ActivityLog.Integrity before = store.get(logs.get(78).id())
                                .orElseThrow()
                                .integrity()
                                .orElseThrow();
                        ActivityLog plain = ActivityLog.builder(ActionType.DELETE)
                                .actor("mallory")
                                .occurredAt(logs.get(79).occurredAt())
                                .remarks("granted admin")
                                .build();
                        String hash = HashChain.hash(plain, before.chainId(), 80, before.hash());
                        forged = plain.toBuilder()
                                .integrity(new ActivityLog.Integrity(before.chainId(), 80, before.hash(), hash))
                                .build();
                        store.append(List.of(forged));
                    }
                    case "truncate-tail" -> s.executeUpdate("DELETE FROM activity_log WHERE chain_seq > 190");
                    case "append-after-close" -> {
                        // No DDL needed: a well-formed row at the free position 201, linked to the real head.
                        ActivityLog.Integrity head = store.get(
                                        logs.get(ROWS - 1).id())
                                .orElseThrow()
                                .integrity()
                                .orElseThrow();
                        ActivityLog plain = ActivityLog.builder(ActionType.DELETE)
                                .actor("mallory")
                                .occurredAt(logs.get(ROWS - 1).occurredAt())
                                .remarks("granted admin")
                                .build();
                        String hash = HashChain.hash(plain, head.chainId(), ROWS + 1, head.hash());
                        forged = plain.toBuilder()
                                .integrity(new ActivityLog.Integrity(head.chainId(), ROWS + 1, head.hash(), hash))
                                .build();
                        store.append(List.of(forged));
                    }
                    default -> throw new IllegalArgumentException(tampering);
                }
            }
            Trails.Verdict v = Trails.verify(db.url(), db.user(), db.password(), trail);
            JsonNode r = v.report();
            if (tampering.equals("none")) {
                assertThat(v.exitCode()).as(r.toString()).isZero();
                assertThat(r.get("rowsValid").asLong()).isEqualTo(ROWS);
                assertThat(r.get("checkpointsValid").asInt())
                        .isEqualTo(r.get("checkpointsChecked").asInt())
                        .isPositive();
                List<Checkpoint> cps =
                        FileCheckpointSink.of(trail.checkpoints()).readAll();
                assertThat(cps.get(cps.size() - 1))
                        .as("the recorder's closing checkpoint")
                        .matches(Checkpoint::closed)
                        .extracting(Checkpoint::seq)
                        .isEqualTo((long) ROWS);
                return;
            }
            assertThat(v.exitCode()).as(r.toString()).isEqualTo(1);
            JsonNode first = r.get("issues").get(0);
            switch (tampering) {
                case "update-remarks" -> expect(first, "ALTERED", 50, logs.get(49));
                case "delete-row" -> expect(first, "GAP", 60, logs.get(60));
                case "swap-rows" -> expect(first, "REORDERED", 70, logs.get(70));
                case "insert-forged" -> expect(first, "INSERTED", 80, forged);
                case "append-after-close" -> {
                    expect(first, "APPENDED_AFTER_CLOSE", ROWS + 1, forged);
                    assertThat(r.get("issueCount").asLong()).as(r.toString()).isEqualTo(1);
                }
                case "truncate-tail" -> {
                    assertThat(first.get("kind").asText()).isEqualTo("TRUNCATED");
                    assertThat(first.get("seq").asLong()).isEqualTo(191);
                }
                default -> throw new IllegalArgumentException(tampering);
            }
        }
    }

    private static void expect(JsonNode issue, String kind, long seq, ActivityLog row) {
        assertThat(issue.get("kind").asText()).as(issue.toString()).isEqualTo(kind);
        assertThat(issue.get("seq").asLong()).as(issue.toString()).isEqualTo(seq);
        assertThat(issue.get("id").asText())
                .as(issue.toString())
                .isEqualTo(row.id().toString());
    }
}
