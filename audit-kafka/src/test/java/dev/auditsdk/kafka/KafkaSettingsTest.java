package dev.auditsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.InMemoryActivityStore;
import java.time.Duration;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The edges of the builders and the failure classification, without a broker. */
class KafkaSettingsTest {
    @Test
    void theSinkRefusesOverridesThatWouldWeakenDeliveryOrChangeTheFormat() {
        KafkaActivitySink.Builder b = KafkaActivitySink.builder("127.0.0.1:1", "audit");
        assertThatThrownBy(() -> b.property("acks", "1")).hasMessageContaining("acks must stay 'all'");
        assertThatThrownBy(() -> b.property("enable.idempotence", false)).hasMessageContaining("idempotence");
        assertThatThrownBy(() -> b.property("value.serializer", "x")).hasMessageContaining("the sink's own");
        assertThatThrownBy(() -> b.deliveryTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaActivitySink.builder(" ", "audit")).hasMessageContaining("bootstrapServers");
        b.property("acks", "all").property("compression.type", "zstd");
    }

    @Test
    void theLoaderRefusesOverridesThatWouldCommitBeforeTheStore() {
        KafkaActivityLoader.Builder b =
                KafkaActivityLoader.builder("127.0.0.1:1", "audit", InMemoryActivityStore.create());
        assertThatThrownBy(() -> b.property("enable.auto.commit", true)).hasMessageContaining("after the store");
        assertThatThrownBy(() -> b.groupId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxBackoff(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriableKafkaErrorsAreTransientAndRecordErrorsAreNot() {
        try (KafkaActivitySink sink = KafkaActivitySink.builder("127.0.0.1:1", "audit")
                .checkTopic(false)
                .build()) {
            assertThat(sink.isTransient(new RuntimeException(new TimeoutException("t"))))
                    .isTrue();
            assertThat(sink.isTransient(new NotEnoughReplicasException("r"))).isTrue();
            assertThat(sink.isTransient(new RecordTooLargeException("big"))).isFalse();
            assertThat(sink.isTransient(new java.net.ConnectException("refused")))
                    .isTrue();
        }
    }

    @Test
    void topicWarningsNameWeakMinIsrAndCompaction() {
        assertThat(TopicCheck.warnings(
                        new ConfigEntry("min.insync.replicas", "2"), new ConfigEntry("cleanup.policy", "delete")))
                .isEmpty();
        assertThat(TopicCheck.warnings(
                        new ConfigEntry("min.insync.replicas", "1"),
                        new ConfigEntry("cleanup.policy", "compact,delete")))
                .hasSize(2);
        assertThat(TopicCheck.warnings(null, null)).isEmpty();
    }
}
