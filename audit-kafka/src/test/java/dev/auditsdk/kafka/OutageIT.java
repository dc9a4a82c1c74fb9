package dev.auditsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 on both sides of the topic: the broker for 10 s while a recorder streams into it, and the
 * loader (a child JVM) in the middle of loading. Nothing is lost and nothing is stored twice.
 */
@ExtendWith(KafkaBrokerExtension.class)
class OutageIT {
    @TempDir
    Path dir;

    @Test
    void brokerKilledForTenSecondsMidStreamLosesAndDuplicatesNothing(KafkaBroker broker) throws Exception {
        broker.createTopic("outage", 3, Map.of());
        int total = 6_000;
        RecorderStats stats;
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(KafkaActivitySink.builder(broker.bootstrap(), "outage")
                        .deliveryTimeout(Duration.ofSeconds(3))
                        .maxBlock(Duration.ofSeconds(1))
                        .build())
                .journal(dir.resolve("journal"))
                .overflow(OverflowPolicy.SPILL)
                .retry(2, Duration.ofMillis(100), Duration.ofMillis(500))
                .closeTimeout(Duration.ofSeconds(120))
                .build()) {
            for (int i = 0; i < total; i++) {
                if (i == total / 3) {
                    broker.kill();
                }
                if (i == 2 * total / 3) {
                    broker.restart();
                }
                recorder.record(ActivityLog.builder(ActionType.UPDATE)
                        .actor("bob")
                        .remarks("record " + i)
                        .build());
                // a steady stream: 10 s of it falls into the outage
                if (i % 100 == 0) {
                    KafkaBroker.sleep(i >= total / 3 && i < 2 * total / 3 ? 500 : 20);
                }
            }
            recorder.close();
            stats = recorder.stats();
        }
        assertThat(stats.spilled()).as("spilled during the outage: " + stats).isPositive();
        assertThat(stats.replayed()).as("replayed after it: " + stats).isPositive();
        assertThat(stats.dropped()).isZero();
        assertThat(stats.lost()).isZero();
        try (TestDatabase db = TestDatabases.postgres();
                JdbiActivityStore store = TrailFixture.store(db);
                KafkaActivityLoader loader = KafkaActivityLoader.builder(broker.bootstrap(), "outage", store)
                        .build()
                        .start()) {
            TrailFixture.await(total + " rows", Duration.ofSeconds(120), () -> TrailFixture.rows(db) >= total);
            KafkaBroker.sleep(1000);
            assertThat(TrailFixture.counts(db)).containsExactly(total, total);
            assertThat(TrailFixture.verify(db).clean()).isTrue();
        }
    }

    @Test
    void loaderKilledMidBatchAndRestartedLosesAndDuplicatesNothing(KafkaBroker broker) throws Exception {
        broker.createTopic("reload", 3, Map.of());
        int total = 30_000;
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(KafkaActivitySink.builder(broker.bootstrap(), "reload").build())
                .journal(dir.resolve("journal"))
                .overflow(OverflowPolicy.SPILL)
                .closeTimeout(Duration.ofSeconds(120))
                .build()) {
            for (int i = 0; i < total; i++) {
                recorder.record(ActivityLog.builder(ActionType.READ)
                        .actor("carol")
                        .remarks("record " + i)
                        .build());
            }
        }
        try (TestDatabase db = TestDatabases.postgres()) {
            String[] args = {
                "--bootstrap-servers", broker.bootstrap(),
                "--topic", "reload",
                "--group", "reload-loader",
                "--jdbc-url", db.url(),
                "--jdbc-user", db.user(),
                "--jdbc-password", db.password(),
                "--consumer-property", "max.poll.records=500"
            };
            // the loader makes the table itself only on H2: make it here, as an operator would with Flyway
            TrailFixture.store(db).close();
            Process first = TrailFixture.java(dir.resolve("loader-1.log"), KafkaActivityLoader.class, args);
            TrailFixture.await("the first loader to store some rows", Duration.ofSeconds(120), () -> {
                long n = TrailFixture.rows(db);
                return n > 2_000 || !first.isAlive();
            });
            assertThat(first.isAlive()).isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long atKill = TrailFixture.rows(db);
            assertThat(atKill).isLessThan(total);

            Process second = TrailFixture.java(dir.resolve("loader-2.log"), KafkaActivityLoader.class, args);
            try {
                TrailFixture.await(total + " rows", Duration.ofSeconds(180), () -> TrailFixture.rows(db) >= total);
                KafkaBroker.sleep(1000);
                assertThat(TrailFixture.counts(db)).containsExactly(total, total);
                assertThat(TrailFixture.verify(db).clean()).isTrue();
            } finally {
                second.destroy();
                if (!second.waitFor(30, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
    }
}
