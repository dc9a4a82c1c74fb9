// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate.internal;

import dev.auditsdk.hibernate.AuditEntities;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the writes of audited entities per transaction and records them after commit. The
 * post-write events run inside the flush, before the commit: nothing is recorded there; the
 * transaction's completion callback records the collected changes only when it committed, so a
 * rollback records nothing and several flushes make one record per entity. The pre-write events
 * only tell the statement watcher that the SQL about to run is Hibernate's own entity write.
 */
final class EntityChangeListener
        implements PreInsertEventListener,
                PreUpdateEventListener,
                PreDeleteEventListener,
                PostInsertEventListener,
                PostUpdateEventListener,
                PostDeleteEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(EntityChangeListener.class);
    private static final long serialVersionUID = 1L;

    private final transient AuditEntities config;
    private final transient Map<String, EntityMeta> metas = new ConcurrentHashMap<>();
    private final transient Set<String> plain = ConcurrentHashMap.newKeySet();
    private final transient Map<SharedSessionContractImplementor, TransactionChanges> open = new ConcurrentHashMap<>();
    private final transient Set<String> warnedStateless = ConcurrentHashMap.newKeySet();

    EntityChangeListener(AuditEntities config) {
        this.config = config;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        WriteWatcher.entityWriteStarts();
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        WriteWatcher.entityWriteStarts();
        return false;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        WriteWatcher.entityWriteStarts();
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        WriteWatcher.entityWriteEnds();
        EntityMeta meta = meta(event.getPersister());
        if (meta != null) {
            changes(event.getSession(), meta).inserted(meta, event.getId(), event.getState(), event.getSession());
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        WriteWatcher.entityWriteEnds();
        EntityMeta meta = meta(event.getPersister());
        if (meta != null) {
            changes(event.getSession(), meta)
                    .updated(meta, event.getId(), event.getOldState(), event.getState(), event.getSession());
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        WriteWatcher.entityWriteEnds();
        EntityMeta meta = meta(event.getPersister());
        if (meta != null) {
            changes(event.getSession(), meta).deleted(meta, event.getId(), event.getDeletedState(), event.getSession());
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        // recording waits for the commit through the transaction's completion callback instead
        return false;
    }

    private TransactionChanges changes(SharedSessionContractImplementor session, EntityMeta meta) {
        if (session.isStateless() && warnedStateless.add(meta.name)) {
            LOG.warn(
                    "A StatelessSession wrote audited entity {}: recorded after commit, but the old values of its "
                            + "updates are unknown to Hibernate (recorded with oldValuesUnknown)",
                    meta.name);
        }
        return open.computeIfAbsent(session, s -> {
            TransactionChanges tx = new TransactionChanges(config);
            s.getTransactionCompletionCallbacks().registerCallback((success, ss) -> {
                open.remove(s);
                WriteWatcher.reset();
                if (success) {
                    tx.record();
                }
            });
            return tx;
        });
    }

    private @Nullable EntityMeta meta(EntityPersister persister) {
        String name = persister.getEntityName();
        EntityMeta meta = metas.get(name);
        if (meta != null || plain.contains(name)) {
            return meta;
        }
        if (!EntityMeta.isAudited(persister.getMappedClass())) {
            plain.add(name);
            return null;
        }
        return metas.computeIfAbsent(name, n -> EntityMeta.of(persister, config.options()));
    }
}
