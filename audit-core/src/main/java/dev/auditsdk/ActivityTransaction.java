// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.List;
import java.util.function.Consumer;

/**
 * Records bound to one business transaction: held until {@link #commit()}, which hands them to the
 * recorder in one {@link ActivityRecorder#recordAll}, or dropped by {@link #discard()} and counted in
 * {@link RecorderStats#discarded()}. Closing an uncommitted unit discards it, so
 * try-with-resources never records rolled-back work:
 *
 * <pre>{@code
 * try (ActivityTransaction tx = recorder.beginTransaction()) {
 *     tx.record(ActionType.UPDATE, b -> b.actor("alice").target("Post", 42));
 *     posts.save(post);
 *     tx.commit();
 * }
 * }</pre>
 *
 * Framework adapters open and complete units for the application through a
 * {@link dev.auditsdk.spi.TransactionBinding}; a unit belongs to one transaction and is meant for
 * one thread at a time (its methods are nevertheless safe to call from several).
 *
 * @since 0.2
 */
public interface ActivityTransaction extends AutoCloseable {

    /**
     * Holds {@code log} until the unit commits. The record inherits the calling thread's
     * {@link ActivityContext} now, as {@link ActivityRecorder#record(ActivityLog)} would.
     *
     * @throws NullPointerException if {@code log} is null
     * @throws IllegalStateException if the unit was already committed or discarded
     */
    void record(ActivityLog log);

    /**
     * The one-line form: builds a record of {@code action} with the recorder's clock and holds it.
     *
     * @throws IllegalArgumentException when the customized builder cannot build
     * @throws IllegalStateException if the unit was already committed or discarded
     */
    void record(ActionType action, Consumer<ActivityLog.Builder> details);

    /** The records held now, in the order they were made (empty once committed or discarded). */
    List<ActivityLog> pending();

    /**
     * Hands the held records to the recorder in one call; later calls do nothing. The recorder's
     * mode applies from here on: in ASYNC mode the records are queued, in DURABLE mode journaled.
     *
     * @throws IllegalStateException if the unit was discarded
     * @throws ActivityRecordingException in SYNC and DURABLE mode, as {@link ActivityRecorder#recordAll}
     */
    void commit();

    /**
     * Commits the unit by handing its held records to {@code writer} instead of the recorder, once,
     * with the recorder's enrichment and sanitizer applied (not chained): the transactional outbox
     * writes them into the business transaction this way, and a relay later records them. When
     * {@code writer} throws, the exception propagates and the unit stays open with its records, so
     * the rollback that follows discards them. Later calls after a commit do nothing.
     *
     * @throws IllegalStateException if the unit was discarded
     * @since 0.2
     */
    void commitTo(Consumer<List<ActivityLog>> writer);

    /** Drops the held records, counting them in {@link RecorderStats#discarded()}; idempotent. */
    void discard();

    /** Whether {@link #commit()} or {@link #discard()} ran. */
    boolean isCompleted();

    /** Discards the held records unless the unit was committed. */
    @Override
    void close();
}
