// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spi;

import dev.auditsdk.ActivityCount;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

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
     * How many records match the query's filters (its cursor and limit aside), counted exactly up
     * to {@code bound}; beyond it the answer is "more than {@code bound}". The default pages through
     * {@link #find}; stores with a query language count in the database.
     *
     * @throws IllegalArgumentException if {@code bound < 1}
     * @since 0.1
     */
    default ActivityCount count(ActivityQuery query, long bound) {
        Objects.requireNonNull(query, "query");
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        ActivityQuery q =
                query.toBuilder().cursor(null).limit(ActivityQuery.MAX_LIMIT).build();
        long matched = 0;
        while (true) {
            ActivityPage page = find(q);
            matched += page.items().size();
            if (matched > bound || page.nextCursor().isEmpty()) {
                return ActivityCount.upTo(matched, bound);
            }
            q = q.toBuilder().cursor(page.nextCursor().get()).build();
        }
    }

    /**
     * Hands the records matching the query's filters (its cursor and limit aside) to {@code rows} in
     * chain order, {@code (chain_id, chain_seq, id)}, unchained records first, as the
     * {@link dev.auditsdk.integrity.ActivityVerifier} reads them; stops when {@code rows} returns
     * false. The default reads every match into memory and sorts it; stores stream from the database.
     *
     * @since 0.1
     */
    default void forEachInChainOrder(ActivityQuery query, Predicate<ActivityLog> rows) {
        Objects.requireNonNull(rows, "rows");
        List<ActivityLog> all = new ArrayList<>();
        ActivityQuery q =
                query.toBuilder().cursor(null).limit(ActivityQuery.MAX_LIMIT).build();
        while (true) {
            ActivityPage page = find(q);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            q = q.toBuilder().cursor(page.nextCursor().get()).build();
        }
        all.sort(CHAIN_ORDER);
        for (ActivityLog log : all) {
            if (!rows.test(log)) {
                return;
            }
        }
    }

    /** Chain order: unchained records first, then by chain id, position and record id. */
    Comparator<ActivityLog> CHAIN_ORDER = Comparator.<ActivityLog, Boolean>comparing(
                    l -> l.integrity().isPresent())
            .thenComparing(
                    l -> l.integrity().map(ActivityLog.Integrity::chainId).orElse(""))
            .thenComparingLong(
                    l -> l.integrity().map(ActivityLog.Integrity::seq).orElse(0L))
            .thenComparing(ActivityLog::id);

    /**
     * Deletes every record that occurred before {@code cutoff}, in small batches so no long lock is
     * held.
     *
     * @return how many records were deleted
     */
    long purgeBefore(Instant cutoff);

    /**
     * Deletes every record of the selected tenants that occurred before {@code cutoff}, in small
     * batches like {@link #purgeBefore(Instant)}: the store side of per-tenant retention
     * ({@link dev.auditsdk.integrity.ActivityRetention#purge}). The default refuses: a store that
     * cannot select by tenant must not delete more than it was asked to.
     *
     * @return how many records were deleted
     * @throws UnsupportedOperationException if the store cannot purge by tenant
     * @since 0.1
     */
    default long purgeBefore(Instant cutoff, TenantSelection tenants) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot purge by tenant");
    }
}
