package dev.auditsdk.spi;

import dev.auditsdk.ActivityLog;
import java.util.List;

/**
 * A write-only destination for records: a database, a log, a file, a message broker. The recorder's
 * writer calls {@link #append} from one thread with batches in record order.
 *
 * @since 0.1
 */
public interface ActivitySink extends AutoCloseable {
    /**
     * Writes a batch. Must be idempotent on {@link ActivityLog#id()}: the recorder retries a batch
     * that failed, so records already written must not be written twice.
     *
     * @throws RuntimeException when the batch could not be written; the recorder retries it
     */
    void append(List<ActivityLog> batch);

    /** Releases what the sink owns (pools, files). Idempotent. The default does nothing. */
    @Override
    default void close() {}
}
