// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate.internal;

import dev.auditsdk.hibernate.AuditEntities;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registered through {@code META-INF/services}: appends the change listener when the setting is there. Not API. */
public final class AuditIntegrator implements Integrator {
    private static final Logger LOG = LoggerFactory.getLogger(AuditIntegrator.class);

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
        Object setting = factory.getServiceRegistry()
                .requireService(ConfigurationService.class)
                .getSettings()
                .get(AuditEntities.PROPERTY);
        boolean anyAudited = metadata.getEntityBindings().stream()
                .anyMatch(e -> e.getMappedClass() != null && EntityMeta.isAudited(e.getMappedClass()));
        if (!(setting instanceof AuditEntities config)) {
            if (anyAudited) {
                LOG.warn(
                        "Entities are marked @AuditedEntity but the Hibernate setting '{}' holds no AuditEntities: "
                                + "their changes are NOT recorded",
                        AuditEntities.PROPERTY);
            }
            return;
        }
        if (factory.getSessionFactoryOptions().getStatementInspector() instanceof WriteWatcher watcher) {
            metadata.getEntityBindings().stream()
                    .filter(e -> e.getMappedClass() != null && EntityMeta.isAudited(e.getMappedClass()))
                    .forEach(e -> e.getTableClosure().forEach(t -> watcher.watch(t.getName(), e.getJpaEntityName())));
        } else if (anyAudited) {
            LOG.info("Bulk and native writes to audited entities are not watched: another statement inspector is set");
        }
        EntityChangeListener listener = new EntityChangeListener(config);
        EventListenerRegistry registry = factory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.PRE_INSERT, listener);
        registry.appendListeners(EventType.PRE_UPDATE, listener);
        registry.appendListeners(EventType.PRE_DELETE, listener);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }
}
