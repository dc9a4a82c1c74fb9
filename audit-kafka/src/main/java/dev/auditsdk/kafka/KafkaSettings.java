package dev.auditsdk.kafka;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The argument checks shared by the builders of this module. */
final class KafkaSettings {
    private KafkaSettings() {}

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /** Rejects producer overrides that would break the sink's delivery guarantee or its wire format. */
    static void checkProducerOverride(String name, Object value) {
        requireText(name, "name");
        switch (name) {
            case ProducerConfig.ACKS_CONFIG -> {
                if (!"all".equals(value.toString()) && !"-1".equals(value.toString())) {
                    throw new IllegalArgumentException("acks must stay 'all': the sink acknowledges a batch"
                            + " only when every in-sync replica has it");
                }
            }
            case ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG -> {
                if (!"true".equals(value.toString())) {
                    throw new IllegalArgumentException("enable.idempotence must stay true: retries inside the"
                            + " producer must neither duplicate nor reorder a chain");
                }
            }
            case ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG ->
                throw new IllegalArgumentException(name + " is the sink's own (the record's JSON)");
            default -> {
                // any other producer property is the operator's
            }
        }
    }

    /** Rejects consumer overrides that would let the loader commit before the store did. */
    static void checkConsumerOverride(String name) {
        requireText(name, "name");
        if (name.equals(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)
                || name.equals(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
                || name.equals(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)
                || name.equals(ConsumerConfig.ISOLATION_LEVEL_CONFIG)) {
            throw new IllegalArgumentException(
                    name + " is the loader's own: it commits offsets only after the" + " store committed");
        }
    }

    static long asLong(Object value) {
        return value instanceof Number n
                ? n.longValue()
                : Long.parseLong(value.toString().strip());
    }
}
