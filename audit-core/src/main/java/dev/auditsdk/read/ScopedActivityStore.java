package dev.auditsdk.read;

import dev.auditsdk.ActivityCount;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.spi.ActivityStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** A store as one {@link ReadScope} sees it; read-only. */
final class ScopedActivityStore implements ActivityStore {
    private final ActivityStore store;
    private final ReadScope scope;

    ScopedActivityStore(ActivityStore store, ReadScope scope) {
        this.store = store;
        this.scope = scope;
    }

    @Override
    public ActivityPage find(ActivityQuery query) {
        ActivityPage page = store.find(scope.restrict(query));
        for (ActivityLog log : page.items()) {
            if (!scope.permits(log)) {
                // A store that ignores the tenant filter fails the contract suite; here it must not leak.
                throw new IllegalStateException("the store returned a record outside " + scope
                        + " for a query restricted to it; refusing to serve the page");
            }
        }
        return page;
    }

    @Override
    public Optional<ActivityLog> get(UUID id) {
        return store.get(id).filter(scope::permits);
    }

    @Override
    public ActivityCount count(ActivityQuery query, long bound) {
        return store.count(scope.restrict(query), bound);
    }

    @Override
    public void forEachInChainOrder(ActivityQuery query, Predicate<ActivityLog> rows) {
        store.forEachInChainOrder(scope.restrict(query), log -> {
            if (!scope.permits(log)) {
                throw new IllegalStateException("the store returned a record outside " + scope
                        + " for a query restricted to it; refusing to serve it");
            }
            return rows.test(log);
        });
    }

    @Override
    public void append(List<ActivityLog> batch) {
        throw new UnsupportedOperationException("a read scope's view of a store is read-only");
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        throw new UnsupportedOperationException("a read scope's view of a store is read-only");
    }

    @Override
    public String toString() {
        return store + " as " + scope;
    }
}
