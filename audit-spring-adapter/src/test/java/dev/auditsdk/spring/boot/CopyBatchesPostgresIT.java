// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code audit.jdbc.copy-batches} reaches the store on a real PostgreSQL: with it on, full batches
 * go through COPY, which leaves the store's staging table on its connection (a session temporary
 * table, visible in {@code pg_class} while the pool lives); with it off, none is ever made.
 */
class CopyBatchesPostgresIT {
    private static final int RECORDS = 3_000;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void thePropertyDecidesWhetherBatchesGoThroughCopy(boolean copy) throws Exception {
        // a table per case, so each case looks for its own staging table only
        String table = copy ? "copy_on_log" : "copy_off_log";
        try (TestDatabase db = TestDatabases.postgres()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(
                            AuditJdbiAutoConfiguration.class, AuditRecorderAutoConfiguration.class))
                    .withPropertyValues(
                            "audit.jdbc.url=" + db.url(),
                            "audit.jdbc.username=" + db.user(),
                            "audit.jdbc.password=" + db.password(),
                            "audit.jdbc.copy-batches=" + copy,
                            "audit.jdbc.table-name=" + table,
                            // full batches of 1,000: above the store's COPY threshold
                            "audit.linger=2s")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        ActivityRecorder recorder = context.getBean(ActivityRecorder.class);
                        for (int i = 0; i < RECORDS; i++) {
                            recorder.record(ActionType.READ, b -> b.remarks("copy check"));
                        }
                        assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
                        assertThat(count(db, "SELECT COUNT(*) FROM " + table)).isEqualTo(RECORDS);
                        long staging = count(
                                db,
                                "SELECT COUNT(*) FROM pg_class WHERE relpersistence = 't' AND relname = '"
                                        + stagingTable(table) + "'");
                        if (copy) {
                            assertThat(staging).isPositive();
                        } else {
                            assertThat(staging).isZero();
                        }
                    });
        }
    }

    /** The staging table's documented name: {@code audit_copy_} and 16 hex digits of SHA-256 of the table name. */
    private static String stagingTable(String table) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(table.getBytes(StandardCharsets.UTF_8));
        return "audit_copy_" + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
