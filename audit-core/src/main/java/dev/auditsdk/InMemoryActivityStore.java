// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.spi.ActivityCursor;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spi.TenantSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A thread-safe store in memory: for tests and demos, and the reference semantics every other
 * store is compared with. Holds everything it is given until purged.
 *
 * @since 0.1
 */
public final class InMemoryActivityStore implements ActivityStore {
    private final Map<UUID, ActivityLog> byId = new ConcurrentHashMap<>();
    private final NavigableSet<ActivityLog> ordered = new ConcurrentSkipListSet<>(ActivityLog.NEWEST_FIRST);

    private InMemoryActivityStore() {}

    /** An empty store. */
    public static InMemoryActivityStore create() {
        return new InMemoryActivityStore();
    }

    @Override
    public void append(List<ActivityLog> batch) {
        for (ActivityLog log : batch) {
            if (byId.putIfAbsent(log.id(), log) == null) {
                ordered.add(log);
            }
        }
    }

    @Override
    public ActivityPage find(ActivityQuery query) {
        ActivityCursor cursor = query.cursor().map(ActivityCursor::decode).orElse(null);
        List<ActivityLog> items = new ArrayList<>(Math.min(query.limit(), 64));
        Iterator<ActivityLog> it = ordered.iterator();
        ActivityLog next = null;
        while (it.hasNext()) {
            ActivityLog log = it.next();
            if ((cursor != null && !cursor.isBefore(log)) || !query.matches(log)) {
                continue;
            }
            if (items.size() == query.limit()) {
                next = log;
                break;
            }
            items.add(log);
        }
        String nextCursor = next == null
                ? null
                : ActivityCursor.after(items.get(items.size() - 1)).encode();
        return ActivityPage.of(items, nextCursor);
    }

    @Override
    public Optional<ActivityLog> get(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        long removed = 0;
        for (ActivityLog log : ordered.descendingSet()) {
            if (!log.occurredAt().isBefore(cutoff)) {
                break;
            }
            if (ordered.remove(log)) {
                byId.remove(log.id());
                removed++;
            }
        }
        return removed;
    }

    @Override
    public long purgeBefore(Instant cutoff, TenantSelection tenants) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(tenants, "tenants");
        long removed = 0;
        for (ActivityLog log : ordered.descendingSet()) {
            if (!log.occurredAt().isBefore(cutoff)) {
                break;
            }
            if (tenants.matches(log.tenant().orElse(null)) && ordered.remove(log)) {
                byId.remove(log.id());
                removed++;
            }
        }
        return removed;
    }

    /** How many records the store holds. */
    public int size() {
        return byId.size();
    }

    /** Every record, newest first. */
    public List<ActivityLog> all() {
        return List.copyOf(ordered);
    }
}
