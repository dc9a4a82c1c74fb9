// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.spi.ActivityJson;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch in one transaction: on PostgreSQL through {@code COPY} ({@link PgCopy}) unless
 * turned off and the batch is large ({@value #COPY_MIN_ROWS} rows or more), on H2 as multi-row
 * statements ({@link H2Inserts}), otherwise as one JDBC batch. When the database blames the rows
 * ({@link SqlErrors#isRowFault}), the batch is bisected until the offending rows are alone; those
 * are logged at ERROR with their id and counted (their content goes to the separate logger
 * {@value #UNDELIVERABLE_LOGGER}), the rest is written. Any other failure is thrown so the recorder
 * retries the whole batch, which is safe because inserts are idempotent.
 *
 * <p>What is thrown or logged never carries the driver's message, which may quote the statement
 * with every record's values: only SQLSTATE, driver class, batch size and first id ({@link RedactedErrors}).
 */
final class BatchWriter {
    /** The logger of the content of records the database rejected (so it can be routed apart or turned off). */
    static final String UNDELIVERABLE_LOGGER = "dev.auditsdk.jdbi.undeliverable";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiActivityStore.class);
    private static final Logger UNDELIVERABLE = LoggerFactory.getLogger(UNDELIVERABLE_LOGGER);
    private static final int MAX_LOGGED_CHARS = 16 * 1024;
    private static final int MAX_CONFLICT_ATTEMPTS = 5;
    /**
     * The smallest batch worth a COPY. Its fixed cost (two more round trips, the staging table
     * emptied at commit) outweighs the cheaper rows below a few hundred: measured with the recorder
     * (PersistenceBenchmark, loaded), COPY on ÷ off was 0.74–1.31 at 32 rows per batch, 0.82–0.99 at
     * 128, 1.04–1.11 at 512, 1.11–1.34 at 2,000. The recorder's batches fill up (to 1,000 by
     * default) exactly when it has a backlog, which is when the rate matters.
     */
    static final int COPY_MIN_ROWS = 500;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String insert;
    private final Queries queries;
    private final AtomicLong poison;
    // Null unless on PostgreSQL with COPY wanted and pgjdbc present; PgCopy is not even loaded otherwise.
    private final @Nullable PgCopy copy;
    private final @Nullable H2Inserts h2;
    private final AtomicLong copied = new AtomicLong();

    BatchWriter(Jdbi jdbi, Dialect dialect, TableName table, Queries queries, AtomicLong poison, boolean copyBatches) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.insert = dialect.insert(table.qualified());
        this.queries = queries;
        this.poison = poison;
        this.copy = copyBatches && dialect == Dialect.POSTGRESQL && CopyText.driverPresent() ? new PgCopy(table) : null;
        this.h2 = dialect == Dialect.H2 ? new H2Inserts(table.qualified()) : null;
    }

    /** Whether batches go through COPY (PostgreSQL, switch on, pgjdbc present); for tests and diagnostics. */
    boolean copies() {
        return copy != null;
    }

    /** Batches stored through COPY so far (for tests: proof the path was taken, not the fallback). */
    long copiedBatches() {
        return copied.get();
    }

    void append(List<ActivityLog> batch) {
        List<Row> rows = new ArrayList<>(batch.size());
        for (ActivityLog log : batch) {
            try {
                rows.add(new Row(log, Rows.json(log)));
            } catch (IllegalArgumentException e) {
                poison(log, e);
            }
        }
        // Rows in id order take their locks in the same order in every writer: fewer deadlocks.
        rows.sort((a, b) -> ActivityLog.compareIds(a.log().id(), b.log().id()));
        byte[] text = copy == null || rows.size() < COPY_MIN_ROWS ? null : copyText(rows);
        if (text == null) {
            write(rows);
            return;
        }
        try {
            retrying(rows, text);
        } catch (RuntimeException e) {
            if (!SqlErrors.isRowFault(e)) {
                throw e;
            }
            // A row is to blame: the insert path's bisection finds exactly which, as it always has.
            write(rows);
        }
    }

    /** The rows as COPY text (UTF-8, which pgjdbc always speaks), or null if one cannot be written so. */
    private static byte @Nullable [] copyText(List<Row> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 512);
        for (Row row : rows) {
            if (!CopyText.fits(row.log())) {
                return null;
            }
            CopyText.append(sb, row.log(), row.json());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            insertRetryingConflicts(rows);
        } catch (RuntimeException e) {
            if (!SqlErrors.isRowFault(e)) {
                throw e;
            }
            if (rows.size() > 1) {
                int mid = rows.size() / 2;
                write(rows.subList(0, mid));
                write(rows.subList(mid, rows.size()));
            } else if (queries.get(rows.get(0).log().id()).isEmpty()) {
                // Not a concurrent writer's copy of the same record: the row itself is undeliverable.
                poison(rows.get(0).log(), e);
            }
        }
    }

    /**
     * Concurrent writers of overlapping batches can deadlock (MariaDB's gap locks in particular);
     * the victim's transaction is rolled back whole, so running it again is the documented cure.
     */
    private void insertRetryingConflicts(List<Row> rows) {
        retrying(rows, null);
    }

    /** Also runs a COPY again at once when the connection had lost its staging table (42P01, see {@link PgCopy}). */
    private void retrying(List<Row> rows, byte @Nullable [] copyText) {
        for (int attempt = 1; ; attempt++) {
            try {
                insert(rows, copyText);
                return;
            } catch (RuntimeException e) {
                if (copyText != null && attempt == 1 && isUndefinedTable(e)) {
                    continue;
                }
                if (attempt >= MAX_CONFLICT_ATTEMPTS || !SqlErrors.isConflict(e)) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 20_000_000L) * attempt);
            }
        }
    }

    private static boolean isUndefinedTable(RuntimeException e) {
        SQLException sql = RedactedErrors.firstSqlException(e);
        return sql != null && PgCopy.UNDEFINED_TABLE.equals(sql.getSQLState());
    }

    /**
     * One transaction (Jdbi supplies the connection and the transaction): the COPY text when given
     * and the connection is pgjdbc's, else one JDBC batch.
     */
    private void insert(List<Row> rows, byte @Nullable [] copyText) {
        try {
            jdbi.useTransaction(h -> {
                if (copyText != null && Objects.requireNonNull(copy).write(h.getConnection(), copyText)) {
                    copied.incrementAndGet();
                    return;
                }
                // On H2, multi-row statements, and the idempotent insert only from an id already stored on.
                int done = h2 == null ? 0 : h2.write(h.getConnection(), rows);
                if (done == rows.size()) {
                    return;
                }
                try (PreparedStatement ps = h.getConnection().prepareStatement(insert)) {
                    for (Row row : rows.subList(done, rows.size())) {
                        Rows.add(ps, row.log(), row.json(), dialect);
                    }
                    ps.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new AppendFailedException(rows, RedactedErrors.redact(e));
        } catch (RuntimeException e) {
            // Jdbi's own wrappers (connection, begin, commit) carry the driver's exception too.
            SQLException sql = RedactedErrors.firstSqlException(e);
            if (sql == null) {
                throw e;
            }
            throw new AppendFailedException(rows, RedactedErrors.redact(sql));
        }
    }

    /** A batch the database did not take; the cause is a redacted copy of the driver's exception. */
    static final class AppendFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private AppendFailedException(List<Row> rows, SQLException redacted) {
            super(
                    "inserting " + rows.size() + " audit records (first id "
                            + rows.get(0).log().id() + ") failed: " + redacted.getMessage(),
                    redacted);
        }
    }

    private void poison(ActivityLog log, Exception e) {
        poison.incrementAndGet();
        LOG.error(
                "Audit record {} was rejected by the database and skipped (undeliverable): {};"
                        + " its content is logged by {}",
                log.id(),
                rootMessage(e),
                UNDELIVERABLE_LOGGER,
                e);
        if (!UNDELIVERABLE.isErrorEnabled()) {
            return;
        }
        String json;
        try {
            json = ActivityJson.toJson(log);
        } catch (RuntimeException notJson) {
            json = log.toString();
        }
        if (json.length() > MAX_LOGGED_CHARS) {
            json = json.substring(0, MAX_LOGGED_CHARS) + "...[truncated]";
        }
        UNDELIVERABLE.error("{}", json);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    record Row(ActivityLog log, String json) {}
}
