// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.spi.ActivityJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch as one JDBC batch in one transaction. When the database blames the rows
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

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String insert;
    private final Queries queries;
    private final AtomicLong poison;

    BatchWriter(Jdbi jdbi, Dialect dialect, TableName table, Queries queries, AtomicLong poison) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.insert = dialect.insert(table.qualified());
        this.queries = queries;
        this.poison = poison;
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
        write(rows);
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
        for (int attempt = 1; ; attempt++) {
            try {
                insert(rows);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_CONFLICT_ATTEMPTS || !SqlErrors.isConflict(e)) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 20_000_000L) * attempt);
            }
        }
    }

    /** One JDBC batch in one transaction; Jdbi supplies the connection and the transaction. */
    private void insert(List<Row> rows) {
        try {
            jdbi.useTransaction(h -> {
                try (PreparedStatement ps = h.getConnection().prepareStatement(insert)) {
                    for (Row row : rows) {
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

    private record Row(ActivityLog log, String json) {}
}
