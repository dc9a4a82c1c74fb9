package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.kafka.KafkaActivityLoader;
import dev.auditsdk.kafka.KafkaActivitySink;
import dev.auditsdk.kafka.KafkaLoaderMetrics;
import dev.auditsdk.spi.ActivitySink;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Kafka conditions: {@code audit.store=kafka}, the opt-in loader and its meters, and the instance
 * label. The broker address is a closed port: these check the wiring; audit-kafka's ITs check delivery
 * against a real broker.
 */
class AuditKafkaAutoConfigurationTest {
    private static final AutoConfigurations ALL = AutoConfigurations.of(
            AuditJdbiAutoConfiguration.class, AuditKafkaAutoConfiguration.class, AuditRecorderAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ALL)
            .withPropertyValues(
                    "audit.kafka.bootstrap-servers=127.0.0.1:" + closedPort(), "audit.kafka.max-block=200ms");

    @Test
    void storeKafkaMakesTheKafkaSinkTheRecordersSink() {
        runner.withPropertyValues("audit.store=kafka", "audit.kafka.topic=orders-audit")
                .run(ctx -> {
                    assertThat(ctx)
                            .hasNotFailed()
                            .hasSingleBean(KafkaActivitySink.class)
                            .hasSingleBean(ActivitySink.class)
                            .hasSingleBean(ActivityRecorder.class)
                            .doesNotHaveBean(InMemoryActivityStore.class)
                            .doesNotHaveBean(KafkaActivityLoader.class);
                    assertThat(ctx.getBean(KafkaActivitySink.class)).hasToString("KafkaActivitySink[orders-audit]");
                });
    }

    @Test
    void storeKafkaWithoutBootstrapServersFailsNamingTheProperty() {
        new ApplicationContextRunner()
                .withConfiguration(ALL)
                .withPropertyValues("audit.store=kafka")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("audit.kafka.bootstrap-servers"));
    }

    @Test
    void storeKafkaWithoutAuditKafkaFailsNamingTheModule() {
        runner.withClassLoader(new FilteredClassLoader("dev.auditsdk.kafka"))
                .withPropertyValues("audit.store=kafka")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("dev.auditsdk:audit-kafka"));
    }

    @Test
    void theLoaderRunsOnlyWhenEnabledAndLoadsIntoTheApplicationsStoreWithMeters() {
        runner.withPropertyValues("audit.store=memory")
                .run(ctx -> assertThat(ctx)
                        .doesNotHaveBean(KafkaActivityLoader.class)
                        .doesNotHaveBean(KafkaLoaderMetrics.class));
        runner.withPropertyValues("audit.store=memory", "audit.kafka.loader.enabled=true")
                .run(ctx -> assertThat(ctx)
                        .hasNotFailed()
                        .hasSingleBean(KafkaActivityLoader.class)
                        .hasSingleBean(KafkaLoaderMetrics.class)
                        .hasSingleBean(InMemoryActivityStore.class));
    }

    @Test
    void theInstanceLabelIsStampedOnRecords() {
        runner.withPropertyValues("audit.store=memory", "audit.instance=web-1").run(ctx -> {
            ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
            recorder.record(ActionType.LOGIN, b -> b.actor("alice"));
            recorder.flush(Duration.ofSeconds(10));
            assertThat(ctx.getBean(InMemoryActivityStore.class)
                            .find(ActivityQuery.latest())
                            .items())
                    .singleElement()
                    .satisfies(l -> assertThat(l.instance()).contains("web-1"));
        });
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
