// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.hibernate.AuditEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Puts the {@link AuditEntities} into a {@link LocalContainerEntityManagerFactoryBean}'s JPA properties
 * before its {@code afterPropertiesSet} builds the factory (audit-hibernate's integrator reads them there).
 * A post-processor on spring-orm's factory bean rather than Boot's {@code HibernatePropertiesCustomizer},
 * which moved package between Boot 3.5 and 4: this works with both, and with a factory bean the
 * application declares itself.
 */
final class EntityManagerFactoryAuditing implements BeanPostProcessor {
    private final ObjectProvider<AuditEntities> entities;

    EntityManagerFactoryAuditing(ObjectProvider<AuditEntities> entities) {
        this.entities = entities;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof LocalContainerEntityManagerFactoryBean factory
                && !factory.getJpaPropertyMap().containsKey(AuditEntities.PROPERTY)) {
            AuditEntities audit = entities.getIfUnique();
            if (audit != null) {
                audit.applyTo(factory.getJpaPropertyMap());
            }
        }
        return bean;
    }
}
