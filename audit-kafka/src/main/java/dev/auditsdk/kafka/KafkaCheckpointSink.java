package dev.auditsdk.kafka;

import dev.auditsdk.integrity.Checkpoint;
import dev.auditsdk.integrity.CheckpointSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps signed checkpoints on their own Kafka topic (key = chain id, value = {@link Checkpoint#toJson()}),
 * away from the database the trail is loaded into: give the loader's database users no write access to
 * it, and give the topic a retention at least as long as the trail's. {@link #write} returns when every
 * in-sync replica has the checkpoint; {@link #readAll} reads the whole topic, for the verifier.
 *
 * <pre>{@code
 * Checkpoints.signing(privateKey, KafkaCheckpointSink.of("kafka-1:9092", "audit.checkpoints"))
 * }</pre>
 *
 * @since 0.1
 */
public final class KafkaCheckpointSink implements CheckpointSink, AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final Producer<String, String> producer;

    private KafkaCheckpointSink(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis() / 2);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000L);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(p);
    }

    /** A sink writing to {@code topic} on the cluster at {@code bootstrapServers}. */
    public static KafkaCheckpointSink of(String bootstrapServers, String topic) {
        return new KafkaCheckpointSink(
                KafkaSettings.requireText(bootstrapServers, "bootstrapServers"),
                KafkaSettings.requireText(topic, "topic"));
    }

    /**
     * Sends the checkpoint and waits for its acknowledgement.
     *
     * @throws KafkaException when it was not acknowledged (the recorder tries again at the next checkpoint)
     */
    @Override
    public void write(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        try {
            producer.send(new ProducerRecord<>(topic, checkpoint.chainId(), checkpoint.toJson()))
                    .get(WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("checkpoint not acknowledged by topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a checkpoint", e);
        }
    }

    /**
     * Reads every checkpoint on the topic, in each chain's order (a chain's checkpoints share a partition).
     *
     * @throws KafkaException when the topic cannot be read to its end
     * @throws IllegalArgumentException when a message on it is not a checkpoint
     */
    @Override
    public List<Checkpoint> readAll() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-checkpoints-" + UUID.randomUUID());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<Checkpoint> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, WAIT)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos() * 4;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, WAIT) < end.getOrDefault(tp, 0L))) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("checkpoint topic " + topic + " not read to its end in time");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(Checkpoint.fromJson(r.value()));
                }
            }
        }
        return out;
    }

    /** Closes the producer. */
    @Override
    public void close() {
        producer.close();
    }

    @Override
    public String toString() {
        return "KafkaCheckpointSink[" + topic + "]";
    }
}
