package dev.auditsdk.kafka;

import dev.auditsdk.spi.ActivityStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the audit topic into an {@link ActivityStore} (usually a {@code JdbiActivityStore}), as a member
 * of a consumer group, so more loaders share the partitions. Each polled batch is appended to the store
 * (which inserts a record only when its id is absent), and only after the store committed are the batch's
 * offsets committed, also when partitions are revoked: a restart, a crash or a rebalance re-reads at most
 * the batches in flight, which the store then skips. A record that cannot be read (not an audit record, or
 * of a schema version newer than this library's) or that the store refuses for good goes to the
 * dead-letter topic with the reason in a header, and is counted; the loader carries on. While the store is
 * down it retries the same batch with backoff, never skipping it.
 *
 * <pre>{@code
 * try (var loader = KafkaActivityLoader.builder("kafka-1:9092", "audit", store).build().start()) {
 *     ...
 * }
 * }</pre>
 *
 * Runnable on its own: {@code java -cp ... dev.auditsdk.kafka.KafkaActivityLoader --help}.
 *
 * @since 0.1
 */
public final class KafkaActivityLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaActivityLoader.class);

    private final LoaderLoop loop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private @Nullable Thread thread;

    private KafkaActivityLoader(LoaderLoop loop) {
        this.loop = loop;
    }

    /**
     * Starts configuring a loader.
     *
     * @param bootstrapServers the cluster's {@code bootstrap.servers}
     * @param topic the audit topic
     * @param store where the records go; the caller keeps owning it (the loader does not close it)
     */
    public static Builder builder(String bootstrapServers, String topic, ActivityStore store) {
        return new Builder(bootstrapServers, topic, store);
    }

    /**
     * Runs the loader on its own thread ({@code audit-kafka-loader}) until {@link #close()}.
     *
     * @return this loader
     * @throws IllegalStateException if it was started already
     */
    public synchronized KafkaActivityLoader start() {
        if (thread != null) {
            throw new IllegalStateException("loader already started");
        }
        Thread t = new Thread(this::runLoop, "audit-kafka-loader");
        thread = t;
        t.start();
        return this;
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (RuntimeException e) {
            LOG.error("Audit loader stopped by an unexpected failure", e);
        } finally {
            stopped.countDown();
        }
    }

    /** What the loader did so far. */
    public Stats stats() {
        return loop.stats();
    }

    /**
     * Stops the loader: the batch being stored is finished and committed (or left uncommitted, to be read
     * again), the consumer leaves its group, the dead-letter producer is closed. The store stays open.
     * Idempotent.
     */
    @Override
    public void close() {
        loop.stop();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                if (!stopped.await(60, TimeUnit.SECONDS)) {
                    LOG.warn("Audit loader did not stop within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (t == null) {
            loop.closeClients();
        }
    }

    /**
     * Runs a loader from the command line into a relational store (needs {@code audit-jdbi} and the JDBC
     * driver on the class path) until the process is stopped. {@code --help} lists the options.
     */
    public static void main(String[] args) throws Exception {
        LoaderCommand.run(args);
    }

    /**
     * Counts of a loader.
     *
     * @param loaded records appended to the store (a record read twice counts twice; the store keeps one)
     * @param deadLettered records sent to the dead-letter topic
     * @param failedBatches batches the store failed to take and that were read again
     * @param lag records on the assigned partitions not yet read, as of the last poll
     */
    public record Stats(long loaded, long deadLettered, long failedBatches, long lag) {}

    /** Configures a {@link KafkaActivityLoader}. */
    public static final class Builder {
        private final String bootstrapServers;
        private final String topic;
        private final ActivityStore store;
        private final Map<String, Object> overrides = new HashMap<>();
        private String groupId = "audit-loader";
        private @Nullable String deadLetterTopic;
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder(String bootstrapServers, String topic, ActivityStore store) {
            this.bootstrapServers = KafkaSettings.requireText(bootstrapServers, "bootstrapServers");
            this.topic = KafkaSettings.requireText(topic, "topic");
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The consumer group (default {@code audit-loader}): loaders of one group share the partitions. */
        public Builder groupId(String groupId) {
            this.groupId = KafkaSettings.requireText(groupId, "groupId");
            return this;
        }

        /** Where unreadable records go (default: the topic's name + {@code .dlt}). */
        public Builder deadLetterTopic(String topic) {
            this.deadLetterTopic = KafkaSettings.requireText(topic, "deadLetterTopic");
            return this;
        }

        /**
         * The longest wait between two attempts at a batch the store failed to take (default 30 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = KafkaSettings.requirePositive(backoff, "maxBackoff");
            return this;
        }

        /**
         * A consumer property ({@code max.poll.records}, security...), also used for the dead-letter producer
         * where it is a connection setting.
         *
         * @throws IllegalArgumentException for {@code enable.auto.commit}, the deserializers and
         *     {@code isolation.level}, which the loader sets itself
         */
        public Builder property(String name, Object value) {
            Objects.requireNonNull(value, "value");
            KafkaSettings.checkConsumerOverride(name);
            overrides.put(name, value);
            return this;
        }

        /** Makes the loader and its clients; nothing is read before {@link #start()}. */
        public KafkaActivityLoader build() {
            Map<String, Object> c = new HashMap<>();
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
            c.putAll(overrides);
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

            Map<String, Object> p = new HashMap<>();
            overrides.forEach((k, v) -> {
                if (ProducerConfig.configNames().contains(k) && !k.startsWith("client.id")) {
                    p.put(k, v);
                }
            });
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000L);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            String dlt = deadLetterTopic != null ? deadLetterTopic : topic + ".dlt";
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c);
            KafkaProducer<String, byte[]> producer;
            try {
                producer = new KafkaProducer<>(p);
            } catch (RuntimeException e) {
                consumer.close();
                throw e;
            }
            return new KafkaActivityLoader(new LoaderLoop(consumer, producer, store, List.of(topic), dlt, maxBackoff));
        }
    }
}
