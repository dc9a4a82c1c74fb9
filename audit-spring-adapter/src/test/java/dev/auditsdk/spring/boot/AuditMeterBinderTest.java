package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.OverflowPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditMeterBinderTest {
    @Test
    void metersFollowTheRecorderStats() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(InMemoryActivityStore.create()).build()) {
            AuditMeterBinder.of(recorder).bindTo(registry);
            for (int i = 0; i < 3; i++) {
                recorder.record(ActionType.CREATE, b -> b.actor("alice"));
            }
            recorder.flush(Duration.ofSeconds(5));
            assertThat(registry.get("audit.records.enqueued").functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("audit.records.written").functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("audit.records.dropped").functionCounter().count()).isZero();
            assertThat(registry.get("audit.queue.depth").gauge().value()).isZero();
            assertThat(registry.get("audit.queue.oldest.age").timeGauge().value()).isZero();
        }
    }

    @Test
    void dropsAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ActivityRecorder recorder = ActivityRecorder.builder().store(InMemoryActivityStore.create())
                .overflow(OverflowPolicy.DROP).build();
        AuditMeterBinder.of(recorder).bindTo(registry);
        recorder.close();
        recorder.record(ActionType.CREATE, b -> b.actor("late"));
        assertThat(registry.get("audit.records.dropped").functionCounter().count()).isEqualTo(1);
    }
}
