package dev.auditsdk.kafka;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivityJson;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka figures in BENCHMARKS.md (not a test: it prints, asserts nothing). Starts its own broker
 * and uses the PostgreSQL test database. Three runs:
 * <ol>
 *   <li>recorder → {@link KafkaActivitySink} against a bare producer with the same settings, sending the
 *       same JSON in batches of the same size and waiting for each batch's acknowledgements;</li>
 *   <li>loader → PostgreSQL against recorder → {@link JdbiActivityStore} directly;</li>
 *   <li>end-to-end latency from {@code record()} to the loader's committed insert at 2,000 records/s.</li>
 * </ol>
 * Command in BENCHMARKS.md ("Kafka").
 */
public final class KafkaThroughputRun {
    private KafkaThroughputRun() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("bare", 3, Map.of());
            broker.createTopic("sink", 3, Map.of());
            broker.createTopic("load", 3, Map.of());
            broker.createTopic("latency", 3, Map.of());
            double bare = bareProducer(broker, n);
            double sink = sinkRun(broker, "sink", n);
            System.out.printf(
                    "producer: bare %.0f rec/s, recorder->KafkaActivitySink %.0f rec/s, ratio %.2f%n",
                    bare, sink, sink / bare);
            loaderVersusDirect(broker, n);
            latency(broker, 2_000, 20);
        }
    }

    private static List<ActivityLog> records(int n) {
        List<ActivityLog> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(record(i));
        }
        return out;
    }

    private static ActivityLog record(int i) {
        return ActivityLog.builder(ActionType.UPDATE)
                .actor("user-" + (i % 100))
                .target("Post", Integer.toString(i))
                .remarks("changed title of post " + i)
                .data(Map.of("field", "title", "n", i))
                .build();
    }

    /** Batches of 1,000 (the recorder's default), each sent and then awaited, as the sink does. */
    private static double bareProducer(KafkaBroker broker, int n) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<ActivityLog> logs = records(n);
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            long t0 = System.nanoTime();
            List<Future<RecordMetadata>> batch = new ArrayList<>(1000);
            for (ActivityLog log : logs) {
                batch.add(producer.send(new ProducerRecord<>(
                        "bare",
                        null,
                        key,
                        ActivityJson.toJson(log).getBytes(StandardCharsets.UTF_8),
                        KafkaHeaders.of(log))));
                if (batch.size() == 1000) {
                    for (Future<RecordMetadata> f : batch) {
                        f.get();
                    }
                    batch.clear();
                }
            }
            for (Future<RecordMetadata> f : batch) {
                f.get();
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double sinkRun(KafkaBroker broker, String topic, int n) throws Exception {
        Path journal = Files.createTempDirectory("kafka-run-");
        List<ActivityLog> logs = records(n);
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(KafkaActivitySink.builder(broker.bootstrap(), topic).build())
                .journal(journal)
                .overflow(OverflowPolicy.SPILL)
                .closeTimeout(Duration.ofMinutes(5))
                .build();
        long t0 = System.nanoTime();
        for (ActivityLog log : logs) {
            recorder.record(log);
        }
        recorder.close();
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        System.out.println("sink run stats: " + recorder.stats());
        return rate;
    }

    private static void loaderVersusDirect(KafkaBroker broker, int n) throws Exception {
        sinkRun(broker, "load", n);
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = TrailFixture.store(db)) {
            long t0 = System.nanoTime();
            try (KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "load", store)
                    .build()
                    .start()) {
                TrailFixture.await(
                        "all rows", Duration.ofMinutes(10), () -> loader.stats().loaded() >= n);
            }
            double loaded = n / ((System.nanoTime() - t0) / 1e9);
            try (TestDatabase direct = TestDatabases.postgres();
                    JdbiActivityStore directStore = TrailFixture.store(direct)) {
                List<ActivityLog> logs = records(n);
                long t1 = System.nanoTime();
                try (ActivityRecorder recorder = ActivityRecorder.builder()
                        .store(directStore)
                        .closeSinkOnClose(false)
                        .queueCapacity(n + 1)
                        .closeTimeout(Duration.ofMinutes(5))
                        .build()) {
                    for (ActivityLog log : logs) {
                        recorder.record(log);
                    }
                }
                double directRate = n / ((System.nanoTime() - t1) / 1e9);
                System.out.printf(
                        "store: loader->PostgreSQL %.0f rec/s, recorder->JdbiActivityStore %.0f rec/s, ratio %.2f%n",
                        loaded, directRate, loaded / directRate);
            }
        }
    }

    private static void latency(KafkaBroker broker, int perSecond, int seconds) throws Exception {
        Path journal = Files.createTempDirectory("kafka-run-");
        int total = perSecond * seconds;
        long[] micros = new long[total];
        int[] seen = {0};
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = TrailFixture.store(db)) {
            // the time each record's row was committed, minus its record() time (occurredAt)
            ActivityStore timing = new TimingStore(store, micros, seen);
            try (KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "latency", timing)
                            .build()
                            .start();
                    ActivityRecorder recorder = ActivityRecorder.builder()
                            .sink(KafkaActivitySink.builder(broker.bootstrap(), "latency")
                                    .build())
                            .journal(journal)
                            .build()) {
                KafkaBroker.sleep(3000); // the loader joins its group first
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * (1e9 / perSecond));
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    recorder.record(record(i));
                }
                recorder.flush(Duration.ofSeconds(60));
                TrailFixture.await("all rows", Duration.ofMinutes(2), () -> seenCount(seen) >= total);
            }
        }
        long[] sorted = Arrays.copyOf(micros, total);
        Arrays.sort(sorted);
        System.out.printf(
                "end to end at %d rec/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                perSecond,
                seconds,
                sorted[total / 2] / 1000.0,
                sorted[(int) (total * 0.99)] / 1000.0,
                sorted[total - 1] / 1000.0);
    }

    private static int seenCount(int[] seen) {
        synchronized (seen) {
            return seen[0];
        }
    }

    /** A store that notes, per record, how long after its {@code occurredAt} its batch was committed. */
    private static final class TimingStore implements ActivityStore {
        private final ActivityStore delegate;
        private final long[] micros;
        private final int[] seen;

        TimingStore(ActivityStore delegate, long[] micros, int[] seen) {
            this.delegate = delegate;
            this.micros = micros;
            this.seen = seen;
        }

        @Override
        public void append(List<ActivityLog> batch) {
            delegate.append(batch);
            Instant now = Instant.now();
            synchronized (seen) {
                for (ActivityLog log : batch) {
                    if (seen[0] < micros.length) {
                        micros[seen[0]++] =
                                Duration.between(log.occurredAt(), now).toNanos() / 1000;
                    }
                }
            }
        }

        @Override
        public ActivityPage find(ActivityQuery query) {
            return delegate.find(query);
        }

        @Override
        public Optional<ActivityLog> get(UUID id) {
            return delegate.get(id);
        }

        @Override
        public long purgeBefore(Instant cutoff) {
            return delegate.purgeBefore(cutoff);
        }

        @Override
        public boolean isTransient(Throwable failure) {
            return delegate.isTransient(failure);
        }
    }
}
