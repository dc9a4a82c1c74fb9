// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

/**
 * What an {@link RecorderMode#ASYNC} recorder does when its queue is full. Every record that is not
 * queued (or spilled) is counted in {@link RecorderStats#dropped()} and logged. In
 * {@link RecorderMode#DURABLE} mode the policy applies when the journal is full.
 *
 * @since 0.1
 */
public enum OverflowPolicy {
    /** Wait up to the configured block timeout for room, then drop (the default). */
    BLOCK,
    /** Drop at once; the caller never waits. */
    DROP,
    /**
     * Write the record to the journal on the caller's thread (no fsync there; the writer forces it
     * soon after) and return; drop only when the journal is full too. Needs
     * {@link ActivityRecorder.Builder#journal}.
     */
    SPILL
}
