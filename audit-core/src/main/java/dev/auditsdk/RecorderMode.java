package dev.auditsdk;

/**
 * How {@link ActivityRecorder#record} hands a record to the sink.
 *
 * @since 0.1
 */
public enum RecorderMode {
    /** The default: the caller only enqueues; one writer thread writes batches and retries failures. */
    ASYNC,
    /** The caller writes the record itself and sees the failure as an {@link ActivityRecordingException}. */
    SYNC
}
