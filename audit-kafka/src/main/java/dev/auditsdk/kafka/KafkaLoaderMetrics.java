package dev.auditsdk.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Micrometer meters of a {@link KafkaActivityLoader} (needs {@code micrometer-core}, an optional
 * dependency): {@code audit.kafka.loader.loaded}, {@code .dead.lettered}, {@code .failed.batches}
 * (counters) and {@code .lag} (gauge, records not yet read on the assigned partitions).
 *
 * <pre>{@code
 * KafkaLoaderMetrics.of(loader).bindTo(registry);
 * }</pre>
 *
 * @since 0.1
 */
public final class KafkaLoaderMetrics implements MeterBinder {
    private final KafkaActivityLoader loader;

    private KafkaLoaderMetrics(KafkaActivityLoader loader) {
        this.loader = loader;
    }

    /** Meters of {@code loader}. */
    public static KafkaLoaderMetrics of(KafkaActivityLoader loader) {
        return new KafkaLoaderMetrics(Objects.requireNonNull(loader, "loader"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(
                        "audit.kafka.loader.loaded", loader, l -> l.stats().loaded())
                .description("records appended to the store (redeliveries included; the store keeps one)")
                .register(registry);
        FunctionCounter.builder(
                        "audit.kafka.loader.dead.lettered",
                        loader,
                        l -> l.stats().deadLettered())
                .description("records sent to the dead-letter topic")
                .register(registry);
        FunctionCounter.builder(
                        "audit.kafka.loader.failed.batches",
                        loader,
                        l -> l.stats().failedBatches())
                .description("batches the store failed to take, read again")
                .register(registry);
        Gauge.builder("audit.kafka.loader.lag", loader, l -> l.stats().lag())
                .description("records on the assigned partitions not yet read")
                .register(registry);
    }
}
