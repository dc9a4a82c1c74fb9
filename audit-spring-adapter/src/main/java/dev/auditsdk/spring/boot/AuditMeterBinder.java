// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
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
 * gauge {@code audit.queue.depth} and time gauge {@code audit.queue.oldest.age}; for the journal,
 * counters {@code audit.records.spilled|replayed|quarantined} and {@code audit.journal.skipped}, gauge
 * {@code audit.journal.bytes} and time gauge {@code audit.journal.oldest.age} (all zero without a
 * journal); for transactions, counter {@code audit.records.discarded} (records of rolled-back work,
 * not a loss) and gauge {@code audit.transactions.held} (records waiting for their commit). Alert on {@code audit.records.dropped}, {@code audit.records.failed} and
 * {@code audit.journal.skipped}: they mean lost records; {@code audit.records.quarantined} means
 * records the store refused, kept in the journal's {@code quarantine.jsonl} for a person to look at.
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
        counter(
                registry,
                "audit.records.dropped",
                "records not accepted: queue full or recorder closed",
                RecorderStats::dropped);
        counter(
                registry,
                "audit.records.failed",
                "accepted records given up after retries or at close",
                RecorderStats::failed);
        counter(
                registry,
                "audit.batches.retried",
                "batch attempts that failed and were retried",
                RecorderStats::retried);
        counter(
                registry,
                "audit.batches.failed",
                "batches given up after their last retry",
                RecorderStats::failedBatches);
        Gauge.builder("audit.queue.depth", recorder, r -> r.stats().queueDepth())
                .description("records waiting for the writer")
                .baseUnit("records")
                .register(registry);
        TimeGauge.builder(
                        "audit.queue.oldest.age",
                        recorder,
                        TimeUnit.MILLISECONDS,
                        r -> r.stats().oldestQueuedAge().toMillis())
                .description("age of the oldest waiting record")
                .register(registry);
        counter(
                registry,
                "audit.records.spilled",
                "records written to the journal (durable mode: every record)",
                RecorderStats::spilled);
        counter(
                registry,
                "audit.records.replayed",
                "records copied from the journal to the store",
                RecorderStats::replayed);
        counter(
                registry,
                "audit.records.quarantined",
                "records the store rejected alone, kept in quarantine.jsonl",
                RecorderStats::quarantined);
        counter(
                registry,
                "audit.journal.skipped",
                "damaged journal records (torn or corrupt) skipped",
                RecorderStats::journalSkipped);
        counter(
                registry,
                "audit.records.discarded",
                "records of rolled-back transactions, not written on purpose",
                RecorderStats::discarded);
        Gauge.builder("audit.transactions.held", recorder, r -> r.stats().held())
                .description("records waiting in open transactions for their commit")
                .baseUnit("records")
                .register(registry);
        Gauge.builder("audit.journal.bytes", recorder, r -> r.stats().journalBytes())
                .description("journal bytes not yet replayed to the store")
                .baseUnit("bytes")
                .register(registry);
        TimeGauge.builder(
                        "audit.journal.oldest.age",
                        recorder,
                        TimeUnit.MILLISECONDS,
                        r -> r.stats().oldestJournaledAge().toMillis())
                .description("approximate age of the oldest record waiting in the journal")
                .register(registry);
    }

    private void counter(
            MeterRegistry registry, String name, String description, ToDoubleFunction<RecorderStats> value) {
        FunctionCounter.builder(name, recorder, r -> value.applyAsDouble(r.stats()))
                .description(description)
                .baseUnit("records")
                .register(registry);
    }
}
