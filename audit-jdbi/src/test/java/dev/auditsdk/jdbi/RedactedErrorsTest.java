// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A redacted driver exception keeps what handling needs and loses every message that may quote values. */
class RedactedErrorsTest {
    private static final String VALUES = "INSERT INTO activity_log VALUES ('s3cr3t')";

    @Test
    void keepsStatesCategoriesAndSocketErrorsButNoMessage() {
        SQLException next = new SQLException("ERROR: value too long; " + VALUES, "22001");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 " + VALUES, "08006", 0, new int[0]);
        batch.initCause(new SQLNonTransientConnectionException(
                "I/O error " + VALUES, "08006", 0, new SocketTimeoutException("Read timed out")));
        batch.setNextException(next);

        SQLException r = RedactedErrors.redact(batch);

        assertThat((Throwable) r).isInstanceOf(BatchUpdateException.class).hasMessageNotContaining("s3cr3t");
        assertThat(r.getMessage()).contains("SQLSTATE 08006", BatchUpdateException.class.getName());
        assertThat(r.getCause())
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessageNotContaining("s3cr3t");
        assertThat(r.getCause().getCause()).isInstanceOf(SocketTimeoutException.class);
        assertThat(r.getNextException().getSQLState()).isEqualTo("22001");
        assertThat((Throwable) r.getNextException()).hasMessageNotContaining("s3cr3t");
        assertThat(r.getStackTrace()).isEqualTo(batch.getStackTrace());
        assertThat(SqlErrors.isUnavailable(r)).isTrue();
        try (JdbiActivityStore store = JdbiActivityStore.h2InMemory()) {
            assertThat(store.isTransient(new RuntimeException(r))).isTrue();
        }
    }

    @Test
    void aDriverSpecificCauseKeepsOnlyItsClassName() {
        SQLException e = new SQLException("failed", "HY000");
        e.initCause(new IllegalStateException("parameter 1: 's3cr3t'"));

        SQLException r = RedactedErrors.redact(e);

        assertThat(r.getCause())
                .isInstanceOf(RedactedErrors.WithheldCause.class)
                .hasMessageContaining(IllegalStateException.class.getName())
                .hasMessageNotContaining("s3cr3t");
    }
}
