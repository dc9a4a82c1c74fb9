// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.kafka;

import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.jdbi.JdbiTrail;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the Kafka tests share: the PostgreSQL store, counting and verifying its rows, child JVMs, reading a topic. */
final class TrailFixture {
    private TrailFixture() {}

    static JdbiActivityStore store(TestDatabase db) {
        return JdbiActivityStore.builder(db.url(), db.user(), db.password())
                .createSchema(true)
                .build();
    }

    /** {@code [rows, distinct ids]} of the trail. */
    static long[] counts(TestDatabase db) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM activity_log")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long rows(TestDatabase db) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM activity_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            // the table may not exist yet while the loader starts
            return 0;
        }
    }

    /** Runs the verifier over the whole stored trail, in chain order. */
    static VerificationReport verify(TestDatabase db) {
        ActivityVerifier.Session session = ActivityVerifier.builder().build().start();
        try {
            JdbiTrail.of(db.dataSource(), "activity_log").forEach(session::add);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return session.finish();
    }

    /** Starts {@code mainClass} of the test class path in a child JVM, output appended to {@code log}. */
    static Process java(Path log, Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
        cmd.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            // a test that fails before it stops its child must not leave the JVM running after the run
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record on {@code topic}, all partitions, from the beginning to the end as of now. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " not read to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            KafkaBroker.sleep(100);
        }
    }
}
