/**
 * Apache Kafka for the audit trail: {@link dev.auditsdk.kafka.KafkaActivitySink} streams a recorder's
 * records to a topic keyed by chain id, {@link dev.auditsdk.kafka.KafkaActivityLoader} loads the topic
 * into any {@link dev.auditsdk.spi.ActivityStore}, and {@link dev.auditsdk.kafka.KafkaCheckpointSink}
 * keeps signed checkpoints on their own topic.
 */
@NullMarked
package dev.auditsdk.kafka;

import org.jspecify.annotations.NullMarked;
