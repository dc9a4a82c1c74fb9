package dev.auditsdk.jdbi;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.internal.ActivityJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch as one prepared batch in one transaction. When the database blames the rows
 * ({@link SqlErrors#isRowFault}), the batch is bisected until the offending rows are alone; those
 * are logged at ERROR with their id and content and counted, the rest is written. Any other failure
 * is thrown so the recorder retries the whole batch, which is safe because inserts are idempotent.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiActivityStore.class);
    private static final int MAX_LOGGED_CHARS = 16 * 1024;

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
        write(rows);
    }

    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            insert(rows);
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

    private void insert(List<Row> rows) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(insert);
            for (Row row : rows) {
                Rows.add(batch, row.log(), row.json(), dialect);
            }
            batch.execute();
        });
    }

    private void poison(ActivityLog log, Exception e) {
        poison.incrementAndGet();
        String json;
        try {
            json = ActivityJson.toJson(log);
        } catch (RuntimeException notJson) {
            json = log.toString();
        }
        if (json.length() > MAX_LOGGED_CHARS) {
            json = json.substring(0, MAX_LOGGED_CHARS) + "...[truncated]";
        }
        LOG.error("Audit record {} was rejected by the database and skipped (undeliverable): {}; record: {}",
                log.id(), rootMessage(e), json, e);
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
