package dev.auditsdk.spring.boot;

import dev.auditsdk.kafka.KafkaActivityLoader;
import dev.auditsdk.kafka.KafkaActivitySink;
import dev.auditsdk.kafka.KafkaLoaderMetrics;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.ActivityStore;
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
 * Kafka, when dev.auditsdk:audit-kafka is on the classpath: {@code audit.store=kafka} makes the sink the
 * recorder writes to, and {@code audit.kafka.loader.enabled=true} runs a loader from the topic into this
 * application's store (a separate loader application, usually with {@code audit.store=jdbc}). Runs
 * after {@link AuditJdbiAutoConfiguration} and before {@link AuditRecorderAutoConfiguration}.
 *
 * @since 0.1
 */
@AutoConfiguration(
        afterName = "dev.auditsdk.spring.boot.AuditJdbiAutoConfiguration",
        beforeName = "dev.auditsdk.spring.boot.AuditRecorderAutoConfiguration")
@ConditionalOnClass(name = "dev.auditsdk.kafka.KafkaActivitySink")
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditKafkaAutoConfiguration {
    /** {@code audit.store=kafka}: the sink; Spring closes it after the recorder drained into it. */
    @Bean
    @ConditionalOnMissingBean(ActivitySink.class)
    @ConditionalOnProperty(name = "audit.store", havingValue = "kafka")
    KafkaActivitySink auditKafkaSink(AuditProperties properties) {
        AuditKafkaProperties k = properties.getKafka();
        KafkaActivitySink.Builder b = KafkaActivitySink.builder(bootstrap(k), k.getTopic())
                .deliveryTimeout(k.getDeliveryTimeout())
                .maxBlock(k.getMaxBlock());
        k.getProducer().forEach(b::property);
        return b.build();
    }

    /** {@code audit.kafka.loader.enabled=true}: loads the topic into this application's store. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "audit.kafka.loader.enabled")
    KafkaActivityLoader auditKafkaLoader(AuditProperties properties, ObjectProvider<ActivityStore> stores) {
        ActivityStore store = stores.getIfUnique();
        if (store == null) {
            throw new IllegalStateException("audit.kafka.loader.enabled=true needs one ActivityStore to load into"
                    + " (e.g. audit.store=jdbc with dev.auditsdk:audit-jdbi)");
        }
        AuditKafkaProperties k = properties.getKafka();
        KafkaActivityLoader.Builder b = KafkaActivityLoader.builder(bootstrap(k), k.getTopic(), store)
                .groupId(k.getLoader().getGroupId());
        String dlt = k.getLoader().getDeadLetterTopic();
        if (dlt != null && !dlt.isBlank()) {
            b.deadLetterTopic(dlt);
        }
        k.getLoader().getConsumer().forEach(b::property);
        return b.build().start();
    }

    private static String bootstrap(AuditKafkaProperties k) {
        String servers = k.getBootstrapServers();
        if (servers == null || servers.isBlank()) {
            throw new IllegalStateException("audit.kafka.bootstrap-servers is required with audit.store=kafka"
                    + " or audit.kafka.loader.enabled=true");
        }
        return servers;
    }

    /** The loader's meters, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    @ConditionalOnBooleanProperty(name = "audit.kafka.loader.enabled")
    static class LoaderMetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        KafkaLoaderMetrics auditKafkaLoaderMetrics(KafkaActivityLoader loader) {
            return KafkaLoaderMetrics.of(loader);
        }
    }
}
