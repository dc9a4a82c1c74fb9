// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.kafka;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.spi.ActivityJson;
import dev.auditsdk.spi.ActivityStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The loader's consumer loop; runs on one thread, {@link #stop()} from any. */
final class LoaderLoop implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoaderLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetters;
    private final ActivityStore store;
    private final List<String> topics;
    private final String deadLetterTopic;
    private final Duration maxBackoff;

    private final AtomicLong loaded = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile long lag;
    private volatile boolean stopping;
    private boolean clientsClosed;
    /** Offsets whose records the store committed but Kafka has not yet: committed on revocation too. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    LoaderLoop(
            Consumer<String, byte[]> consumer,
            Producer<String, byte[]> deadLetters,
            ActivityStore store,
            List<String> topics,
            String deadLetterTopic,
            Duration maxBackoff) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.store = store;
        this.topics = topics;
        this.deadLetterTopic = deadLetterTopic;
        this.maxBackoff = maxBackoff;
    }

    KafkaActivityLoader.Stats stats() {
        return new KafkaActivityLoader.Stats(loaded.get(), deadLettered.get(), failedBatches.get(), lag);
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    void run() {
        try {
            consumer.subscribe(topics, this);
            long backoff = 100;
            while (!stopping) {
                ConsumerRecords<String, byte[]> polled;
                try {
                    polled = consumer.poll(POLL);
                } catch (WakeupException e) {
                    continue;
                }
                updateLag();
                if (polled.isEmpty()) {
                    continue;
                }
                try {
                    load(polled);
                    backoff = 100;
                } catch (WakeupException e) {
                    rewind(polled);
                } catch (RuntimeException e) {
                    failedBatches.incrementAndGet();
                    LOG.warn(
                            "Audit loader: batch of {} records not stored, reading it again in {} ms: {}",
                            polled.count(),
                            backoff,
                            e.toString());
                    rewind(polled);
                    pause(backoff);
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                }
            }
        } finally {
            closeClients();
        }
    }

    synchronized void closeClients() {
        if (clientsClosed) {
            return;
        }
        clientsClosed = true;
        try {
            commitUncommitted(uncommitted.keySet());
        } catch (RuntimeException e) {
            LOG.warn("Audit loader: last offsets not committed (the records will be read again): {}", e.toString());
        }
        // bounded: a loader stopping while the cluster is away must not hang its application's shutdown
        consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        deadLetters.close(CLOSE_TIMEOUT);
    }

    private void load(ConsumerRecords<String, byte[]> polled) {
        List<ActivityLog> good = new ArrayList<>(polled.count());
        List<ConsumerRecord<String, byte[]>> goodSources = new ArrayList<>(polled.count());
        // Dead letters are sent only once the batch's good records are stored: a batch read again after
        // a transient store failure must not dead-letter its bad records a second time.
        List<Rejected> rejected = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : polled) {
            next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            Parsed p = parse(r);
            if (p.log != null) {
                good.add(p.log);
                goodSources.add(r);
            } else {
                rejected.add(new Rejected(r, p.error));
            }
        }
        if (!good.isEmpty()) {
            storeAll(good, goodSources, rejected);
        }
        List<Future<RecordMetadata>> dead = new ArrayList<>(rejected.size());
        for (Rejected r : rejected) {
            dead.add(deadLetter(r.source, r.error));
        }
        awaitAll(dead);
        deadLettered.addAndGet(dead.size());
        loaded.addAndGet(good.size());
        uncommitted.putAll(next);
        commitUncommitted(next.keySet());
    }

    /**
     * Appends the batch; when the store refuses it for a reason that is not transient, appends the
     * records one by one and dead-letters those it refuses, so one bad record never holds up the trail.
     */
    private void storeAll(
            List<ActivityLog> good, List<ConsumerRecord<String, byte[]>> sources, List<Rejected> rejected) {
        try {
            store.append(good);
            return;
        } catch (RuntimeException e) {
            if (store.isTransient(e)) {
                throw e;
            }
            LOG.warn("Audit loader: store refused a batch ({}), storing its records one by one", e.toString());
        }
        List<ActivityLog> kept = new ArrayList<>(good.size());
        for (int i = 0; i < good.size(); i++) {
            ActivityLog log = good.get(i);
            try {
                store.append(List.of(log));
                kept.add(log);
            } catch (RuntimeException e) {
                if (store.isTransient(e)) {
                    throw e;
                }
                rejected.add(new Rejected(sources.get(i), "store refused the record: " + e));
            }
        }
        good.retainAll(kept);
    }

    private Parsed parse(ConsumerRecord<String, byte[]> r) {
        byte[] value = r.value();
        if (value == null) {
            return Parsed.error("no value");
        }
        String schema = KafkaHeaders.get(r.headers(), KafkaHeaders.SCHEMA);
        if (schema != null && newer(schema)) {
            return Parsed.error("schema version " + schema + " is newer than this loader's ("
                    + ActivityLog.CURRENT_SCHEMA_VERSION + "): upgrade the loader");
        }
        try {
            ActivityLog log = ActivityJson.fromJson(new String(value, StandardCharsets.UTF_8));
            if (log.schemaVersion() > ActivityLog.CURRENT_SCHEMA_VERSION) {
                return Parsed.error("schema version " + log.schemaVersion() + " is newer than this loader's ("
                        + ActivityLog.CURRENT_SCHEMA_VERSION + "): upgrade the loader");
            }
            return new Parsed(log, "");
        } catch (IllegalArgumentException e) {
            return Parsed.error("not an audit record: " + e.getMessage());
        }
    }

    private static boolean newer(String schema) {
        try {
            return Integer.parseInt(schema.strip()) > ActivityLog.CURRENT_SCHEMA_VERSION;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<String, byte[]> r, String error) {
        LOG.warn("Audit loader: {}-{}@{} to {}: {}", r.topic(), r.partition(), r.offset(), deadLetterTopic, error);
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        KafkaHeaders.add(headers, KafkaHeaders.ERROR, error);
        KafkaHeaders.add(headers, KafkaHeaders.ORIGIN, r.topic() + "-" + r.partition() + "@" + r.offset());
        return deadLetters.send(new ProducerRecord<>(deadLetterTopic, null, r.key(), r.value(), headers));
    }

    private static void awaitAll(List<Future<RecordMetadata>> sent) {
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("dead-letter record not acknowledged: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    private synchronized void commitUncommitted(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = uncommitted.get(tp);
            if (o != null) {
                offsets.put(tp, o);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitSync(offsets);
        offsets.keySet().forEach(uncommitted::remove);
    }

    /** Puts the consumer back to the first record of the batch on each of its partitions. */
    private void rewind(ConsumerRecords<String, byte[]> polled) {
        for (TopicPartition tp : polled.partitions()) {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, polled.records(tp).get(0).offset());
            }
        }
    }

    private void updateLag() {
        long sum = 0;
        for (TopicPartition tp : consumer.assignment()) {
            sum += consumer.currentLag(tp).orElse(0);
        }
        lag = sum;
    }

    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!stopping && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // the store has these records: commit them before another loader takes the partitions over
        try {
            commitUncommitted(partitions);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Audit loader: offsets not committed on revocation (records will be read again): {}", e.toString());
        }
        partitions.forEach(uncommitted::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        LOG.info("Audit loader: assigned {}", partitions);
    }

    private record Rejected(ConsumerRecord<String, byte[]> source, String error) {}

    private record Parsed(@Nullable ActivityLog log, String error) {
        static Parsed error(String error) {
            return new Parsed(null, error);
        }
    }
}
