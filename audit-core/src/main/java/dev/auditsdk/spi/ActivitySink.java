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
     * Writes a batch. Delivery is at least once, deduplicated by {@link ActivityLog#id()} where the
     * trail is stored: the recorder retries a batch that failed (and replays its journal), so a
     * record may arrive more than once, late, or out of order. A store ({@link ActivityStore})
     * keeps the first copy of each id and ignores the others; a transport (a log, a message broker)
     * may pass the copies on, as long as what stores them at the end deduplicates by id.
     *
     * @throws RuntimeException when the batch could not be written; the recorder retries it
     */
    void append(List<ActivityLog> batch);

    /**
     * Whether {@code failure}, thrown by {@link #append}, says the destination is unreachable for now
     * (connection refused or lost, timeout) rather than that something in the batch is at fault. The
     * recorder retries either way. When the retry budget is spent it searches the batch for a poison
     * record only after a failure that is not transient; after a transient one it saves the whole
     * batch in the journal (when it has one), because every part would wait for the same outage.
     *
     * <p>The default recognises the JDK's network failures ({@link java.net.ConnectException},
     * {@link java.net.SocketTimeoutException}, {@link java.net.UnknownHostException}) anywhere in the
     * cause chain. A sink that knows its transport better (e.g. a database store and its SQLSTATEs)
     * overrides it, usually calling this default as well. Must not throw.
     *
     * @param failure what {@link #append} threw
     * @return true when the failure says nothing about the records
     * @since 0.1
     */
    default boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Releases what the sink owns (pools, files). Idempotent. The default does nothing. */
    @Override
    default void close() {}
}
