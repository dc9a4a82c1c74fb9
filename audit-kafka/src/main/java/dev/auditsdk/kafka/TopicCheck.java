package dev.auditsdk.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's startup look at its topic. It only warns: a topic that does not exist yet, an unreachable
 * cluster or missing ACLs must not stop the application (the recorder spills until Kafka is there).
 */
final class TopicCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCheck.class);

    /** Admin settings worth copying from the producer's: where and how to connect. */
    private static final Set<String> CONNECTION_PREFIXES = Set.of("security.", "ssl.", "sasl.", "client.dns.");

    private TopicCheck() {}

    static List<String> warnings(String bootstrap, String topic, Map<String, Object> producerOverrides, Duration wait) {
        Map<String, Object> config = new HashMap<>();
        producerOverrides.forEach((k, v) -> {
            if (CONNECTION_PREFIXES.stream().anyMatch(k::startsWith)) {
                config.put(k, v);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-topic-check");
        try (Admin admin = Admin.create(config)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config c = Objects.requireNonNull(
                            admin.describeConfigs(List.of(resource)).values().get(resource))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
            List<String> warnings =
                    warnings(c.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), c.get(TopicConfig.CLEANUP_POLICY_CONFIG));
            warnings.forEach(w -> LOG.warn("Audit topic {}: {}", topic, w));
            return List.copyOf(warnings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            LOG.warn("Audit topic {}: configuration not checked ({})", topic, e.toString());
            return List.of();
        }
    }

    static List<String> warnings(@Nullable ConfigEntry minIsr, @Nullable ConfigEntry cleanupPolicy) {
        List<String> out = new ArrayList<>();
        if (minIsr != null
                && minIsr.value() != null
                && Integer.parseInt(minIsr.value().strip()) < 2) {
            out.add("min.insync.replicas=" + minIsr.value() + ": acks=all is satisfied by a single broker, so a"
                    + " record acknowledged to the recorder can be lost with that broker; set it to 2 or more"
                    + " (with replication factor 3)");
        }
        if (cleanupPolicy != null
                && cleanupPolicy.value() != null
                && cleanupPolicy.value().contains("compact")) {
            out.add("cleanup.policy=" + cleanupPolicy.value() + ": compaction keeps only the last record of each"
                    + " chain (the key); use cleanup.policy=delete with a retention longer than the loader can lag");
        }
        return out;
    }
}
