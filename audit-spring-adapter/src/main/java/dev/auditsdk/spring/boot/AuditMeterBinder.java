package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the recorder's {@link RecorderStats} as Micrometer meters: counters
 * {@code audit.records.enqueued|written|dropped|failed}, {@code audit.batches.retried|failed},
 * gauge {@code audit.queue.depth} and time gauge {@code audit.queue.oldest.age}. Alert on
 * {@code audit.records.dropped} and {@code audit.records.failed}: both mean lost records.
 *
 * @since 0.1
 */
public final class AuditMeterBinder implements MeterBinder {
    private final ActivityRecorder recorder;

    private AuditMeterBinder(ActivityRecorder recorder) {
        this.recorder = recorder;
    }

    /** Meters over this recorder's stats. */
    public static AuditMeterBinder of(ActivityRecorder recorder) {
        return new AuditMeterBinder(Objects.requireNonNull(recorder, "recorder"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "audit.records.enqueued", "records accepted for writing", RecorderStats::enqueued);
        counter(registry, "audit.records.written", "records the store accepted", RecorderStats::written);
        counter(registry, "audit.records.dropped", "records not accepted: queue full or recorder closed", RecorderStats::dropped);
        counter(registry, "audit.records.failed", "accepted records given up after retries or at close", RecorderStats::failed);
        counter(registry, "audit.batches.retried", "batch attempts that failed and were retried", RecorderStats::retried);
        counter(registry, "audit.batches.failed", "batches given up after their last retry", RecorderStats::failedBatches);
        Gauge.builder("audit.queue.depth", recorder, r -> r.stats().queueDepth())
                .description("records waiting for the writer").baseUnit("records").register(registry);
        TimeGauge.builder("audit.queue.oldest.age", recorder, TimeUnit.MILLISECONDS,
                        r -> r.stats().oldestQueuedAge().toMillis())
                .description("age of the oldest waiting record").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<RecorderStats> value) {
        FunctionCounter.builder(name, recorder, r -> value.applyAsDouble(r.stats()))
                .description(description).baseUnit("records").register(registry);
    }
}
