// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.Slf4jActivitySink;
import dev.auditsdk.http.ActivityFilters;
import dev.auditsdk.http.ActorResolver;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.TenantPolicy;
import dev.auditsdk.http.TrustedProxies;
import dev.auditsdk.integrity.RetentionPolicy;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.spring.security.SpringSecurityActors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recorder, and a fallback sink when no store was configured: {@code audit.store=log} logs
 * records, anything else without a store bean (audit-jdbi absent, or {@code audit.store=memory})
 * keeps them in memory. Runs after {@link AuditJdbiAutoConfiguration}, which provides the jdbc store.
 *
 * <p>The recorder does not close the store (Spring does, after the recorder has drained into it).
 *
 * @since 0.1
 */
@AutoConfiguration(afterName = "dev.auditsdk.spring.boot.AuditJdbiAutoConfiguration")
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditRecorderAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorderAutoConfiguration.class);

    /** {@code audit.store=log}: one JSON line per record through SLF4J. */
    @Bean
    @ConditionalOnMissingBean(ActivitySink.class)
    @ConditionalOnProperty(name = "audit.store", havingValue = "log")
    Slf4jActivitySink auditLogSink() {
        return Slf4jActivitySink.create();
    }

    /** The store when the application and the jdbc auto-configuration gave none. */
    @Bean
    @ConditionalOnMissingBean(ActivitySink.class)
    InMemoryActivityStore auditMemoryStore(AuditProperties properties) {
        if (properties.getStore() == AuditProperties.StoreType.JDBC) {
            throw new IllegalStateException("audit.store=jdbc needs dev.auditsdk:audit-jdbi on the classpath");
        }
        if (properties.getStore() == AuditProperties.StoreType.KAFKA) {
            throw new IllegalStateException("audit.store=kafka needs dev.auditsdk:audit-kafka on the classpath");
        }
        if (properties.getStore() == null) {
            LOG.warn("Audit records are kept in memory and lost on restart: add dev.auditsdk:audit-jdbi, or set "
                    + "audit.store=memory to silence this warning");
        }
        return InMemoryActivityStore.create();
    }

    /**
     * The recorder, configured from {@code audit.*} (journal and checkpoints included) and then by
     * every {@link ActivityRecorderBuilderCustomizer}.
     */
    @Bean
    @ConditionalOnMissingBean
    ActivityRecorder activityRecorder(
            AuditProperties p,
            ActivitySink sink,
            ObjectProvider<TransactionBinding> transactions,
            ObjectProvider<ActivityRecorderBuilderCustomizer> customizers) {
        ActivityRecorder.Builder builder = ActivityRecorder.builder()
                .sink(sink)
                .closeSinkOnClose(false)
                .mode(p.getMode())
                .queueCapacity(p.getQueueCapacity())
                .batchSize(p.getBatchSize())
                .linger(p.getLinger())
                .overflow(p.getOverflow())
                .blockTimeout(p.getBlockTimeout())
                .closeTimeout(p.getCloseTimeout())
                .sanitizer(Sanitizer.builder().redactKeys(p.getRedactKeys()).build());
        String instance = p.getInstance();
        if (instance != null && !instance.isBlank()) {
            builder.instance(instance);
        }
        RecorderReliability.apply(p, builder);
        RecorderTransactions.apply(p, transactions.getIfUnique(), builder);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return RecorderReliability.build(p, builder);
    }

    /** The neutral HTTP mapping shared by the MVC capture and the security listener. */
    @Bean
    @ConditionalOnMissingBean
    HttpActivityMapper auditHttpActivityMapper(
            AuditProperties p, ObjectProvider<ActorResolver> actors, ObjectProvider<TenantPolicy> tenants) {
        AuditProperties.Web web = p.getWeb();
        HttpActivityMapper.Builder b = HttpActivityMapper.builder()
                .recordAnonymous(web.isRecordAnonymous())
                .actors(actors.getIfUnique(ActorResolver::principal))
                .trustedProxies(TrustedProxies.of(p.getTrustedProxies()))
                .requestIdHeader(web.getRequestIdHeader())
                .tenants(tenants.getIfAvailable(TenantPolicy::none))
                .sanitizer(Sanitizer.builder().redactKeys(p.getRedactKeys()).build());
        if (!web.getExcludePaths().isEmpty()) {
            b.filter(ActivityFilters.excludePaths(web.getExcludePaths().toArray(String[]::new)));
        }
        return b.build();
    }

    /** Actors from Spring Security's context, when Spring Security is present; the servlet principal otherwise. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.security.core.context.SecurityContextHolder",
                "org.springframework.security.web.context.HttpSessionSecurityContextRepository",
                "jakarta.servlet.http.HttpServletRequest"
            })
    static class SpringSecurityActorConfiguration {
        @Bean
        @ConditionalOnMissingBean
        ActorResolver auditActorResolver() {
            return SpringSecurityActors.resolver().orElse(ActorResolver.principal());
        }
    }

    /**
     * Purges records older than {@code audit.retention} (or their tenant's {@code audit.tenants.retention})
     * on a schedule, when set and the sink is a store.
     */
    @Bean
    @ConditionalOnMissingBean
    AuditRetention auditRetention(AuditProperties p, ActivityRecorder recorder, ObjectProvider<ActivityStore> store) {
        return new AuditRetention(recorder, store.getIfUnique(), retentionPolicy(p), p.getRetentionInterval());
    }

    static RetentionPolicy retentionPolicy(AuditProperties p) {
        RetentionPolicy.Builder b = RetentionPolicy.builder().defaultPeriod(p.getRetention());
        p.getTenants().getRetention().forEach(b::tenant);
        return b.build();
    }
}
