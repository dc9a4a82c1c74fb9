// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ChangeOptions;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.hibernate.AuditEntities;
import dev.auditsdk.spring.security.SpringSecurityActors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Field-level changes of {@code @AuditedEntity} JPA entities, when dev.auditsdk:audit-hibernate, Hibernate
 * and spring-orm are on the classpath and {@code audit.entities.enabled} is not false: an {@link
 * AuditEntities} on the application's {@link ActivityRecorder} (actor from Spring Security's context when
 * present, secret-looking properties masked by {@code audit.redact-keys}), put into the Hibernate settings
 * of every {@code LocalContainerEntityManagerFactoryBean} (Boot's own included) before it builds. Define an
 * {@code AuditEntities} bean to replace it (e.g. with a fingerprint key).
 *
 * @since 0.2
 */
@AutoConfiguration(afterName = "dev.auditsdk.spring.boot.AuditRecorderAutoConfiguration")
@ConditionalOnClass(
        name = {
            "dev.auditsdk.hibernate.AuditEntities",
            "org.hibernate.SessionFactory",
            "org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean"
        })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "audit.entities.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(ActivityRecorder.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditEntitiesAutoConfiguration {
    private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

    /** The entity change capture on the application's recorder. */
    @Bean
    @ConditionalOnMissingBean
    AuditEntities auditEntities(ActivityRecorder recorder, AuditProperties p) {
        return AuditEntities.builder(recorder)
                .actor(actor(getClass().getClassLoader()))
                .options(ChangeOptions.builder()
                        .sanitizer(Sanitizer.builder()
                                .redactKeys(p.getRedactKeys())
                                .build())
                        .build())
                .build();
    }

    /** Hands the {@link AuditEntities} bean to each entity manager factory before it is built. */
    @Bean
    static BeanPostProcessor auditEntitiesJpaSettings(ObjectProvider<AuditEntities> entities) {
        return new EntityManagerFactoryAuditing(entities);
    }

    private static Supplier<@Nullable String> actor(@Nullable ClassLoader loader) {
        return ClassUtils.isPresent(SECURITY_CONTEXT, loader) ? new SecurityActor() : () -> null;
    }

    /** The authenticated user of Spring Security's context; loaded only when Spring Security is present. */
    private static final class SecurityActor implements Supplier<@Nullable String> {
        @Override
        public @Nullable String get() {
            return SpringSecurityActors.current().orElse(null);
        }
    }
}
