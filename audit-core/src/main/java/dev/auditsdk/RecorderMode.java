// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
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
    SYNC,
    /**
     * The caller returns only once the record is forced to the local journal (group commit: many
     * callers share one fsync), so an acknowledged record survives a crash or {@code kill -9}; the
     * writer thread then copies the journal to the sink in batches. Needs
     * {@link ActivityRecorder.Builder#journal}.
     */
    DURABLE
}
