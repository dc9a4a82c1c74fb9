package dev.auditsdk.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code audit.kafka.*}: the Kafka sink ({@code audit.store=kafka}, needs dev.auditsdk:audit-kafka) and
 * the opt-in loader from Kafka into this application's store.
 *
 * @since 0.1
 */
public class AuditKafkaProperties {
    /** The cluster's bootstrap.servers; required with audit.store=kafka or audit.kafka.loader.enabled. */
    private @Nullable String bootstrapServers;

    /** The audit topic (key = chain id, value = the record's JSON). */
    private String topic = "audit";

    /** How long a batch may wait for its acknowledgements before the recorder retries or spills it. */
    private Duration deliveryTimeout = Duration.ofSeconds(30);

    /** How long one send may block for metadata or buffer space. */
    private Duration maxBlock = Duration.ofSeconds(10);

    /** Further producer properties (security, compression); acks and idempotence cannot be weakened. */
    private Map<String, String> producer = new LinkedHashMap<>();

    private final Loader loader = new Loader();

    public @Nullable String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(@Nullable String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public Duration getMaxBlock() {
        return maxBlock;
    }

    public void setMaxBlock(Duration maxBlock) {
        this.maxBlock = maxBlock;
    }

    public Map<String, String> getProducer() {
        return producer;
    }

    public void setProducer(Map<String, String> producer) {
        this.producer = producer;
    }

    /** The {@code audit.kafka.loader.*} group. */
    public Loader getLoader() {
        return loader;
    }

    /** {@code audit.kafka.loader.*}: loads the topic into this application's store (e.g. audit.store=jdbc). */
    public static class Loader {
        /** Whether to run a loader in this application. */
        private boolean enabled;

        /** The consumer group; loaders of one group share the partitions. */
        private String groupId = "audit-loader";

        /** Where unreadable records go; default the topic's name + ".dlt". */
        private @Nullable String deadLetterTopic;

        /** Further consumer properties (security, max.poll.records). */
        private Map<String, String> consumer = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public @Nullable String getDeadLetterTopic() {
            return deadLetterTopic;
        }

        public void setDeadLetterTopic(@Nullable String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
        }

        public Map<String, String> getConsumer() {
            return consumer;
        }

        public void setConsumer(Map<String, String> consumer) {
            this.consumer = consumer;
        }
    }
}
