// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.VerificationIssue;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivityJson;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many instances, one trail, through a real broker into real PostgreSQL: child-JVM recorders → a topic
 * with 3 partitions → the loader → the store; the verifier checks every chain. Also the dead-letter
 * topic and tampering on the way.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaTrailIT {
    private static final int PER_INSTANCE = 20_000;

    @TempDir
    Path dir;

    @Test
    void threeInstancesMakeOneTrailWithEveryRecordOnceAndEveryChainClean(KafkaBroker broker) throws Exception {
        broker.createTopic("trail", 3, Map.of());
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = TrailFixture.store(db);
                KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "trail", store)
                        .groupId("trail-loader")
                        .build()
                        .start()) {
            List<Process> instances = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                instances.add(TrailFixture.java(
                        dir.resolve("instance-" + i + ".log"),
                        RecordingInstance.class,
                        broker.bootstrap(),
                        "trail",
                        Integer.toString(PER_INSTANCE),
                        "app-" + i,
                        dir.resolve("journal-" + i).toString()));
            }
            for (Process p : instances) {
                assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
            for (int i = 1; i <= 3; i++) {
                assertThat(Files.readString(dir.resolve("instance-" + i + ".log")))
                        .contains("DONE");
            }
            TrailFixture.await(
                    "60,000 rows", Duration.ofSeconds(180), () -> TrailFixture.rows(db) >= 3L * PER_INSTANCE);
            KafkaBroker.sleep(1000); // a duplicate arriving late would show up in the counts below
            assertThat(TrailFixture.counts(db)).containsExactly(3L * PER_INSTANCE, 3L * PER_INSTANCE);

            VerificationReport report = TrailFixture.verify(db);
            assertThat(report.issues()).isEmpty();
            assertThat(report.clean()).isTrue();
            assertThat(report.chains()).isEqualTo(3);
            assertThat(report.perChain()).hasSize(3).allSatisfy(c -> {
                assertThat(c.rows()).isEqualTo(PER_INSTANCE);
                assertThat(c.lastSeq()).isEqualTo(PER_INSTANCE);
                assertThat(c.clean()).isTrue();
            });
            assertThat(report.rowsValid()).isEqualTo(3L * PER_INSTANCE);
            assertThat(loader.stats().deadLettered()).isZero();
            assertThat(loader.stats().loaded()).isGreaterThanOrEqualTo(3L * PER_INSTANCE);
        }
    }

    @Test
    void unreadableAndNewerSchemaRecordsGoToTheDeadLetterTopicAndLoadingGoesOn(KafkaBroker broker) throws Exception {
        broker.createTopic("poison", 1, Map.of());
        ActivityLog good1 = ActivityLog.builder(ActionType.CREATE).actor("a").build();
        ActivityLog good2 = ActivityLog.builder(ActionType.DELETE).actor("b").build();
        String future = ActivityJson.toJson(
                        ActivityLog.builder(ActionType.READ).actor("c").build())
                .replace("\"schemaVersion\":" + ActivityLog.CURRENT_SCHEMA_VERSION, "\"schemaVersion\":99");
        try (KafkaProducer<String, byte[]> producer = producer(broker)) {
            producer.send(json("poison", good1)).get();
            producer.send(new ProducerRecord<>("poison", "k", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new ProducerRecord<>("poison", "k", future.getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(json("poison", good2)).get();
        }
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = TrailFixture.store(db);
                KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "poison", store)
                        .groupId("poison-loader")
                        .build()
                        .start()) {
            TrailFixture.await("2 rows", Duration.ofSeconds(60), () -> TrailFixture.rows(db) == 2);
            TrailFixture.await(
                    "2 dead letters",
                    Duration.ofSeconds(30),
                    () -> loader.stats().deadLettered() == 2);
            assertThat(store.get(good1.id())).isPresent();
            assertThat(store.get(good2.id())).isPresent();
            List<ConsumerRecord<String, byte[]>> dead = TrailFixture.readAll(broker.bootstrap(), "poison.dlt");
            assertThat(dead).hasSize(2);
            assertThat(KafkaHeaders.get(dead.get(0).headers(), KafkaHeaders.ERROR))
                    .startsWith("not an audit record");
            assertThat(KafkaHeaders.get(dead.get(1).headers(), KafkaHeaders.ERROR))
                    .startsWith("schema version 99 is newer");
            assertThat(KafkaHeaders.get(dead.get(1).headers(), KafkaHeaders.ORIGIN))
                    .isEqualTo("poison-0@2");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        }
    }

    @Test
    void aBatchReadAgainAfterAStoreOutageDeadLettersItsBadRecordOnce(KafkaBroker broker) throws Exception {
        broker.createTopic("outage-poison", 1, Map.of());
        ActivityLog good1 = ActivityLog.builder(ActionType.CREATE).actor("a").build();
        ActivityLog good2 = ActivityLog.builder(ActionType.DELETE).actor("b").build();
        try (KafkaProducer<String, byte[]> producer = producer(broker)) {
            producer.send(json("outage-poison", good1)).get();
            producer.send(new ProducerRecord<>("outage-poison", "k", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(json("outage-poison", good2)).get();
        }
        try (TestDatabase db = TestDatabases.postgres()) {
            TrailFixture.store(db).close(); // the schema, made while the database is up
            TestDatabases.SwitchableDataSource ds = db.dataSource();
            ds.down(true);
            try (JdbiActivityStore store = JdbiActivityStore.builder(ds).build();
                    KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "outage-poison", store)
                            .groupId("outage-poison-loader")
                            .build()
                            .start()) {
                TrailFixture.await(
                        "the batch read again twice",
                        Duration.ofSeconds(60),
                        () -> loader.stats().failedBatches() >= 2);
                ds.down(false);
                TrailFixture.await("2 rows", Duration.ofSeconds(60), () -> TrailFixture.rows(db) == 2);
                TrailFixture.await(
                        "1 dead letter",
                        Duration.ofSeconds(30),
                        () -> loader.stats().deadLettered() == 1);

                assertThat(TrailFixture.readAll(broker.bootstrap(), "outage-poison.dlt"))
                        .as(
                                "the bad record, dead-lettered once although its batch was read %d times",
                                loader.stats().failedBatches() + 1)
                        .extracting(r -> KafkaHeaders.get(r.headers(), KafkaHeaders.ORIGIN))
                        .containsExactly("outage-poison-0@1");
            }
        }
    }

    @Test
    void theVerifierNamesARecordAlteredAndOneRemovedOnTheWay(KafkaBroker broker) throws Exception {
        broker.createTopic("source", 1, Map.of());
        broker.createTopic("tampered", 1, Map.of());
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(KafkaActivitySink.builder(broker.bootstrap(), "source").build())
                .build()) {
            for (int i = 0; i < 20; i++) {
                recorder.record(ActivityLog.builder(ActionType.UPDATE)
                        .actor("alice")
                        .remarks("step " + i)
                        .build());
            }
        }
        List<ConsumerRecord<String, byte[]>> source = TrailFixture.readAll(broker.bootstrap(), "source");
        assertThat(source).hasSize(20);
        ActivityLog altered = ActivityJson.fromJson(new String(source.get(5).value(), StandardCharsets.UTF_8));
        ActivityLog removed = ActivityJson.fromJson(new String(source.get(12).value(), StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = producer(broker)) {
            for (int i = 0; i < source.size(); i++) {
                ConsumerRecord<String, byte[]> r = source.get(i);
                byte[] value = r.value();
                if (i == 12) {
                    continue;
                }
                if (i == 5) {
                    value = new String(value, StandardCharsets.UTF_8)
                            .replace("step 5", "step 5 (nothing to see)")
                            .getBytes(StandardCharsets.UTF_8);
                }
                producer.send(new ProducerRecord<>("tampered", null, r.key(), value, r.headers()))
                        .get();
            }
        }
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = TrailFixture.store(db);
                KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "tampered", store)
                        .groupId("tamper-loader")
                        .build()
                        .start()) {
            TrailFixture.await("19 rows", Duration.ofSeconds(60), () -> TrailFixture.rows(db) == 19);
            VerificationReport report = TrailFixture.verify(db);
            assertThat(report.clean()).isFalse();
            assertThat(report.issues())
                    .anySatisfy(i -> {
                        assertThat(i.kind()).isEqualTo(VerificationIssue.Kind.ALTERED);
                        assertThat(i.seq())
                                .isEqualTo(altered.integrity().orElseThrow().seq());
                    })
                    .anySatisfy(i -> {
                        assertThat(i.kind()).isEqualTo(VerificationIssue.Kind.GAP);
                        assertThat(i.seq())
                                .isEqualTo(removed.integrity().orElseThrow().seq());
                    });
        }
    }

    @Test
    void theSinkWarnsAboutATopicThatMakesAcksAllMeaninglessOrCompactsChains(KafkaBroker broker) {
        broker.createTopic("weak", 1, Map.of("min.insync.replicas", "1", "cleanup.policy", "compact"));
        try (KafkaActivitySink sink =
                KafkaActivitySink.builder(broker.bootstrap(), "weak").build()) {
            assertThat(sink.topicWarnings())
                    .hasSize(2)
                    .anySatisfy(w -> assertThat(w).startsWith("min.insync.replicas=1"))
                    .anySatisfy(w -> assertThat(w).startsWith("cleanup.policy=compact"));
        }
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    private static ProducerRecord<String, byte[]> json(String topic, ActivityLog log) {
        return new ProducerRecord<>(
                topic, null, "k", ActivityJson.toJson(log).getBytes(StandardCharsets.UTF_8), new RecordHeaders());
    }
}
