// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spi.TenantSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Retention that keeps the trail verifiable: before deleting, it records (through the recorder, so
 * the marker is itself chained and checkpointed) that everything before the cutoff is being
 * removed; the {@link ActivityVerifier} reads that marker and does not report the removed ranges
 * as tampering.
 *
 * @since 0.1
 */
public final class ActivityRetention {
    /** The action of a retention marker. */
    public static final ActionType PURGE = ActionType.of("Purge");
    /** The data key holding the cutoff (ISO-8601) in a retention marker. */
    public static final String PURGED_BEFORE = "purgedBefore";

    private ActivityRetention() {}

    /** The data key of a per-tenant marker of the default period: the tenants it does not purge. */
    public static final String EXCEPT_TENANTS = "exceptTenants";

    /**
     * Records the retention marker, waits until the store holds it, then purges. The store must be
     * where the recorder writes (directly or behind its sink): the marker is looked up there by id,
     * so a marker that was dropped, given up or is still waiting in the journal stops the purge.
     *
     * @return how many records the store deleted
     * @throws IllegalStateException when the marker was not stored within {@code timeout} (nothing
     *     was deleted)
     */
    public static long purgeBefore(ActivityRecorder recorder, ActivityStore store, Instant cutoff, Duration timeout) {
        Objects.requireNonNull(store, "store");
        mark(recorder, store, marker(cutoff, null).build(), timeout);
        return store.purgeBefore(cutoff);
    }

    /**
     * Applies a retention policy with per-tenant periods, one chained marker per purge: for each
     * tenant with its own period, a marker of that tenant (so its auditor sees it) then the purge of
     * its records older than {@code now} minus its period; then, for the default period, a marker
     * without tenant (data {@value #EXCEPT_TENANTS}: the tenants left out) and the purge of every
     * other record older than {@code now} minus the default period. Each purge waits for its own
     * marker, as in {@link #purgeBefore}. The verifier excuses missing ranges up to the latest
     * cutoff it finds in a marker, whatever tenant's rows they held: between the shortest and the
     * longest period it cannot tell a purged row of one tenant from a deleted row of another (see
     * RELIABILITY.md).
     *
     * @return how many records the store deleted in all
     * @throws IllegalStateException when a marker was not stored within {@code timeout} (that purge
     *     and the ones after it did not run)
     * @throws UnsupportedOperationException if the policy has tenants and the store cannot purge by tenant
     * @since 0.1
     */
    public static long purge(
            ActivityRecorder recorder, ActivityStore store, RetentionPolicy policy, Instant now, Duration timeout) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        long deleted = 0;
        for (Map.Entry<String, Duration> e : policy.tenants().entrySet()) {
            Instant cutoff = now.minus(e.getValue());
            mark(recorder, store, marker(cutoff, e.getKey()).build(), timeout);
            deleted += store.purgeBefore(cutoff, TenantSelection.only(e.getKey()));
        }
        Duration period = policy.defaultPeriod().orElse(null);
        if (period != null) {
            Instant cutoff = now.minus(period);
            if (policy.tenants().isEmpty()) {
                deleted += purgeBefore(recorder, store, cutoff, timeout);
            } else {
                ActivityLog marker = marker(cutoff, null)
                        .data(Map.of(
                                PURGED_BEFORE,
                                cutoff.toString(),
                                EXCEPT_TENANTS,
                                String.join(",", policy.tenants().keySet())))
                        .build();
                mark(recorder, store, marker, timeout);
                deleted += store.purgeBefore(
                        cutoff, TenantSelection.allExcept(policy.tenants().keySet()));
            }
        }
        return deleted;
    }

    private static ActivityLog.Builder marker(Instant cutoff, @Nullable String tenant) {
        return ActivityLog.builder(PURGE)
                .tenant(tenant)
                .remarks("Retention: records" + (tenant == null ? "" : " of tenant " + tenant) + " before " + cutoff
                        + " removed")
                .data(Map.of(PURGED_BEFORE, cutoff.toString()));
    }

    private static void mark(ActivityRecorder recorder, ActivityStore store, ActivityLog marker, Duration timeout) {
        recorder.record(marker);
        if (!recorder.flush(timeout)) {
            throw new IllegalStateException(
                    "the retention marker was not written within " + timeout + "; nothing purged");
        }
        // flush() also returns once a batch is given up or spilled: only the stored marker makes the purge safe
        if (store.get(marker.id()).isEmpty()) {
            throw new IllegalStateException("the retention marker " + marker.id()
                    + " is not in the store (see the recorder's stats and log); nothing purged");
        }
    }
}
