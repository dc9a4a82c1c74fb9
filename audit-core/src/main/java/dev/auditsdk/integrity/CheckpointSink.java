// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import java.util.List;

/**
 * Where signed checkpoints go: somewhere the people who can write the audit table cannot rewrite
 * (another host's file system, an object store with retention lock, a ticket system).
 * {@link FileCheckpointSink} appends to a local file.
 *
 * @since 0.1
 */
public interface CheckpointSink {
    /**
     * Stores one checkpoint durably.
     *
     * @throws RuntimeException when it could not; the recorder logs it and tries again at the next checkpoint
     */
    void write(Checkpoint checkpoint);

    /** Every checkpoint stored, oldest first (for the verifier and to continue the checkpoint chain). */
    List<Checkpoint> readAll();
}
