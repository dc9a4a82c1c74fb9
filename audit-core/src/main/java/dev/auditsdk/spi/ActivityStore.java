// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spi;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A sink that can read its records back. Every store passes {@code ActivityStoreContractTest}
 * from {@code audit-test}.
 *
 * @since 0.1
 */
public interface ActivityStore extends ActivitySink {
    /**
     * Returns one page of the records matching the query, newest first.
     *
     * @throws IllegalArgumentException if the query's cursor is malformed
     */
    ActivityPage find(ActivityQuery query);

    /** The record with this id. */
    Optional<ActivityLog> get(UUID id);

    /**
     * Deletes every record that occurred before {@code cutoff}, in small batches so no long lock is
     * held.
     *
     * @return how many records were deleted
     */
    long purgeBefore(Instant cutoff);
}
