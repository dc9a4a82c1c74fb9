package dev.auditsdk.kafka;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.spi.ActivityJson;
import dev.auditsdk.spi.ActivitySink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An {@link ActivitySink} that writes each record to a Kafka topic: key = the record's chain id (so one
 * writer's records stay in order in one partition), value = its JSON ({@link ActivityJson#toJson}, with
 * its schema version), headers {@value KafkaHeaders#ID}, {@value KafkaHeaders#SCHEMA}, {@value
 * KafkaHeaders#CHAIN} and {@value KafkaHeaders#SEQ}. The producer is idempotent with {@code acks=all} and
 * bounded {@code delivery.timeout.ms} and {@code max.block.ms}; {@link #append} returns only once every
 * record of the batch is acknowledged and throws otherwise, so the recorder's retry, journal spill and
 * {@code DURABLE} mode apply unchanged. A retried batch may put a record on the topic twice: the loader
 * stores it once (same id).
 *
 * <pre>{@code
 * ActivityRecorder.builder()
 *     .sink(KafkaActivitySink.builder("kafka-1:9092,kafka-2:9092", "audit").build())
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class KafkaActivitySink implements ActivitySink {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final List<String> topicWarnings;

    private KafkaActivitySink(Producer<String, byte[]> producer, String topic, List<String> topicWarnings) {
        this.producer = producer;
        this.topic = topic;
        this.topicWarnings = topicWarnings;
    }

    /**
     * Starts configuring a sink.
     *
     * @param bootstrapServers the cluster's {@code bootstrap.servers}
     * @param topic the topic the records go to
     */
    public static Builder builder(String bootstrapServers, String topic) {
        return new Builder(bootstrapServers, topic);
    }

    /**
     * Sends the batch and waits until every record is acknowledged by all in-sync replicas.
     *
     * @throws KafkaException when any record was not acknowledged within {@code delivery.timeout.ms}
     *     (or its send could not start within {@code max.block.ms}); the recorder retries the batch
     */
    @Override
    public void append(List<ActivityLog> batch) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        for (ActivityLog log : batch) {
            try {
                sent.add(producer.send(record(log)));
            } catch (RuntimeException e) {
                // metadata unavailable for max.block.ms, or the producer closed: the rest would fail alike
                failure = e;
                break;
            }
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new KafkaException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for acknowledgements", e);
            }
        }
        if (failure != null) {
            throw new KafkaException(
                    "audit batch of " + batch.size() + " records not acknowledged by topic " + topic + ": " + failure,
                    failure);
        }
    }

    private ProducerRecord<String, byte[]> record(ActivityLog log) {
        String key = log.integrity()
                .map(ActivityLog.Integrity::chainId)
                .orElse(log.id().toString());
        RecordHeaders headers = KafkaHeaders.of(log);
        return new ProducerRecord<>(
                topic, null, key, ActivityJson.toJson(log).getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * A Kafka client failure is transient when Kafka calls it retriable (timeouts, leader changes, not
     * enough replicas, lost connections), as well as the JDK's network failures of the default.
     */
    @Override
    public boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return ActivitySink.super.isTransient(failure);
    }

    /**
     * What the startup check of the topic found worth a warning (also logged): a {@code
     * min.insync.replicas} below 2, under which {@code acks=all} is acknowledged by one broker alone, or a
     * {@code compact} cleanup policy, which keeps only the last record of each chain. Empty when the topic
     * looked right, or when the check was turned off or could not run.
     */
    public List<String> topicWarnings() {
        return topicWarnings;
    }

    /** Closes the producer, waiting up to its delivery timeout for records in flight. */
    @Override
    public void close() {
        producer.close();
    }

    @Override
    public String toString() {
        return "KafkaActivitySink[" + topic + "]";
    }

    /** Configures a {@link KafkaActivitySink}. */
    public static final class Builder {
        private final String bootstrapServers;
        private final String topic;
        private final Map<String, Object> overrides = new HashMap<>();
        private Duration deliveryTimeout = Duration.ofSeconds(30);
        private Duration maxBlock = Duration.ofSeconds(10);
        private boolean checkTopic = true;

        private Builder(String bootstrapServers, String topic) {
            this.bootstrapServers = KafkaSettings.requireText(bootstrapServers, "bootstrapServers");
            this.topic = KafkaSettings.requireText(topic, "topic");
        }

        /**
         * How long a batch may wait for its acknowledgements ({@code delivery.timeout.ms}, default 30 s)
         * before {@link #append} throws and the recorder retries or spills it.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder deliveryTimeout(Duration timeout) {
            this.deliveryTimeout = KafkaSettings.requirePositive(timeout, "deliveryTimeout");
            return this;
        }

        /**
         * How long one send may block for metadata or buffer space ({@code max.block.ms}, default 10 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxBlock(Duration timeout) {
            this.maxBlock = KafkaSettings.requirePositive(timeout, "maxBlock");
            return this;
        }

        /**
         * A producer property (security, compression, client id...). The serializers are the sink's; the
         * delivery guarantees ({@code acks=all}, idempotence) cannot be weakened here.
         *
         * @throws IllegalArgumentException for the serializers, or for {@code acks} other than {@code all}
         *     and {@code enable.idempotence} other than {@code true}
         */
        public Builder property(String name, Object value) {
            Objects.requireNonNull(value, "value");
            KafkaSettings.checkProducerOverride(name, value);
            overrides.put(name, value);
            return this;
        }

        /** Whether to check the topic's configuration at startup and warn about it (default true). */
        public Builder checkTopic(boolean check) {
            this.checkTopic = check;
            return this;
        }

        /** Makes the sink (and its producer); checks the topic when asked to, never failing on it. */
        public KafkaActivitySink build() {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            config.putAll(overrides);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
            long linger = KafkaSettings.asLong(config.get(ProducerConfig.LINGER_MS_CONFIG));
            // delivery.timeout.ms must be at least linger.ms + request.timeout.ms
            config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                    Math.max(1, Math.min(30_000, deliveryTimeout.toMillis() - linger)));
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            List<String> warnings =
                    checkTopic ? TopicCheck.warnings(bootstrapServers, topic, overrides, maxBlock) : List.of();
            return new KafkaActivitySink(new KafkaProducer<>(config), topic, warnings);
        }
    }
}
