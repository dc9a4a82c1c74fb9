// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate.internal;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.ChangeSet;
import dev.auditsdk.Changes;
import dev.auditsdk.hibernate.AuditEntities;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audited writes of one transaction, merged per entity: the state before its first write in the
 * transaction and the state after its last one. Values are captured when the event fires, while
 * the session is open: associations as ids (a proxy's id without loading it), collections as lists
 * of ids, or {@link #NOT_LOADED} when Hibernate never loaded them.
 */
final class TransactionChanges {
    static final String NOT_LOADED = "[not loaded]";
    private static final Logger LOG = LoggerFactory.getLogger(TransactionChanges.class);

    private record Key(String entity, Object id) {}

    private static final class Pending {
        final EntityMeta meta;
        final Object id;
        final boolean existedBefore;
        final @Nullable Map<String, @Nullable Object> before;
        final boolean oldValuesUnknown;

        @Nullable
        Map<String, @Nullable Object> after;

        Pending(
                EntityMeta meta,
                Object id,
                boolean existedBefore,
                @Nullable Map<String, @Nullable Object> before,
                boolean unknown) {
            this.meta = meta;
            this.id = id;
            this.existedBefore = existedBefore;
            this.before = before;
            this.oldValuesUnknown = unknown;
        }
    }

    private final AuditEntities config;
    // A correlation id, not a secret: a random version 4 UUID without SecureRandom's cost per transaction
    private final String transactionId = randomUuid();
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    TransactionChanges(AuditEntities config) {
        this.config = config;
    }

    synchronized void inserted(
            EntityMeta meta, @Nullable Object id, Object[] state, SharedSessionContractImplementor s) {
        if (id == null) {
            return;
        }
        pending.computeIfAbsent(new Key(meta.name, id), k -> new Pending(meta, id, false, null, false)).after =
                values(meta, state, s);
    }

    synchronized void updated(
            EntityMeta meta,
            Object id,
            Object @Nullable [] oldState,
            Object[] state,
            SharedSessionContractImplementor s) {
        pending.computeIfAbsent(
                                new Key(meta.name, id),
                                k -> new Pending(
                                        meta,
                                        id,
                                        true,
                                        oldState == null ? null : values(meta, oldState, s),
                                        oldState == null))
                        .after =
                values(meta, state, s);
    }

    synchronized void deleted(EntityMeta meta, Object id, Object[] deletedState, SharedSessionContractImplementor s) {
        pending.computeIfAbsent(
                        new Key(meta.name, id), k -> new Pending(meta, id, true, values(meta, deletedState, s), false))
                .after = null;
    }

    /**
     * After commit: one record per entity, handed to the recorder together through a unit of its own
     * that is committed at once. Hibernate has already committed, so the records must not wait
     * again: a committed unit goes past the recorder's {@link dev.auditsdk.spi.TransactionBinding}
     * (a framework transaction that still looks active while it commits, such as Spring's around
     * {@code JpaTransactionManager.doCommit}, cannot hold them a second time or drop them). Each
     * record inherits the committing thread's {@link dev.auditsdk.ActivityContext} when it is made.
     * Never throws into the committing caller.
     */
    synchronized void record() {
        List<ActivityLog> logs = new ArrayList<>(pending.size());
        for (Pending p : pending.values()) {
            ActivityLog log = toLog(p);
            if (log != null) {
                logs.add(log);
            }
        }
        pending.clear();
        if (logs.isEmpty()) {
            return;
        }
        try (ActivityTransaction unit = config.recorder().beginTransaction()) {
            logs.forEach(unit::record);
            unit.commit();
        } catch (RuntimeException e) {
            for (int i = 0; i < logs.size(); i++) {
                config.countFailure();
            }
            LOG.warn(
                    "{} entity changes of transaction {} could not be recorded ({}); counted in AuditEntities.failed()",
                    logs.size(),
                    transactionId,
                    e.getClass().getName());
        }
    }

    private @Nullable ActivityLog toLog(Pending p) {
        boolean exists = p.after != null;
        if (!p.existedBefore && !exists) {
            return null; // created and deleted within the transaction: nothing was committed
        }
        try {
            ChangeSet changes = Changes.between(p.before, p.after, p.meta.options);
            ActionType action = !p.existedBefore ? ActionType.CREATE : exists ? ActionType.UPDATE : ActionType.DELETE;
            if (p.existedBefore && exists && changes.isEmpty()) {
                return null; // only ignored properties changed
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("transactionId", transactionId);
            if (p.oldValuesUnknown) {
                data.put("oldValuesUnknown", true);
            }
            return ActivityLog.builder(action)
                    .target(p.meta.name, p.id)
                    .actor(config.actor())
                    .data(data)
                    .changes(changes)
                    .build();
        } catch (RuntimeException e) {
            config.countFailure();
            LOG.warn(
                    "Change of {} {} could not be recorded ({}); counted in AuditEntities.failed()",
                    p.meta.name,
                    p.id,
                    e.getClass().getName());
            return null;
        }
    }

    private static String randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static Map<String, @Nullable Object> values(
            EntityMeta meta, Object[] state, SharedSessionContractImplementor s) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (int i = 0; i < meta.properties.length && i < state.length; i++) {
            if (meta.ignored[i]) {
                continue;
            }
            Object v = state[i];
            if (meta.types[i].isCollectionType()) {
                v = collection(v, s);
            } else if (meta.types[i].isEntityType()) {
                v = idOf(v, s);
            }
            out.put(meta.properties[i], v);
        }
        return out;
    }

    private static @Nullable Object collection(@Nullable Object v, SharedSessionContractImplementor s) {
        if (v == null) {
            return null;
        }
        if (v instanceof PersistentCollection<?> pc && !pc.wasInitialized()) {
            return NOT_LOADED;
        }
        Collection<?> items = v instanceof Map<?, ?> m ? m.values() : v instanceof Collection<?> c ? c : List.of(v);
        List<@Nullable Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(item != null && isEntity(item) ? idOf(item, s) : item);
        }
        return out;
    }

    private static boolean isEntity(Object o) {
        return o instanceof HibernateProxy || o.getClass().isAnnotationPresent(Entity.class);
    }

    private static @Nullable Object idOf(@Nullable Object v, SharedSessionContractImplementor s) {
        if (v == null) {
            return null;
        }
        if (v instanceof HibernateProxy proxy) {
            return proxy.getHibernateLazyInitializer().getInternalIdentifier();
        }
        try {
            return s.getFactory().getPersistenceUnitUtil().getIdentifier(v);
        } catch (RuntimeException e) {
            return String.valueOf(v.getClass().getSimpleName());
        }
    }
}
