// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.Checkpoint;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.jdbi.JdbiActivityStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code audit.journal.*}, {@code audit.mode=durable}, {@code audit.overflow=spill} and {@code audit.checkpoints.*}. */
class AuditJournalAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AuditJdbiAutoConfiguration.class,
                    AuditRecorderAutoConfiguration.class,
                    AuditMetricsAutoConfiguration.class,
                    AuditHealthAutoConfiguration.class))
            .withPropertyValues("audit.store=memory");

    @TempDir
    Path dir;

    @Test
    void durableRecorderWritesTheJournalUnderTheDirectoryAndTheRecordReachesTheStore() {
        Path journal = dir.resolve("journal");
        runner.withPropertyValues(
                        "audit.store=jdbc",
                        "audit.jdbc.url=jdbc:h2:mem:durable-" + UUID.randomUUID(),
                        "audit.mode=durable",
                        "audit.journal.dir=" + journal,
                        "audit.journal.max-bytes=10MB")
                .run(ctx -> {
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    recorder.record(ActionType.UPDATE, b -> b.actor("alice").target("Post", 7));
                    assertThat(segments(journal)).isNotEmpty();
                    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
                    assertThat(ctx.getBean(JdbiActivityStore.class)
                                    .find(ActivityQuery.latest())
                                    .items())
                            .singleElement()
                            .satisfies(log -> assertThat(log.actor()).contains("alice"));
                    assertThat(recorder.stats().spilled()).isEqualTo(1);
                    assertThat(recorder.stats().lost()).isZero();
                });
    }

    @Test
    void asyncRecorderWithAJournalKeepsItUnderTheDirectory() {
        runner.withPropertyValues("audit.journal.dir=" + dir, "audit.overflow=spill")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(Files.exists(dir.resolve(".lock"))).isTrue();
                });
    }

    @Test
    void durableWithoutAJournalFailsNamingTheProperty() {
        runner.withPropertyValues("audit.mode=durable").run(ctx -> {
            assertThat(ctx).getFailure().hasStackTraceContaining("audit.mode=durable needs audit.journal.dir");
            assertThat(ctx).getFailure().rootCause().hasMessageContaining("DURABLE mode needs journal(...)");
        });
    }

    @Test
    void spillWithoutAJournalFailsNamingTheProperty() {
        runner.withPropertyValues("audit.overflow=spill")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasStackTraceContaining("audit.overflow=spill needs audit.journal.dir"));
    }

    @Test
    void aCustomizerMayGiveTheJournalInstead() {
        runner.withPropertyValues("audit.mode=durable")
                .withBean(ActivityRecorderBuilderCustomizer.class, () -> b -> b.journal(dir))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(ActivityRecorder.class));
    }

    @Test
    void syncModeRefusesJournalAndCheckpointsItWouldIgnore() {
        runner.withPropertyValues("audit.mode=sync", "audit.journal.dir=" + dir)
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasStackTraceContaining("audit.mode=sync uses neither audit.journal.dir"));
    }

    @Test
    void tooSmallJournalFailsNamingTheProperty() {
        runner.withPropertyValues("audit.journal.dir=" + dir, "audit.journal.max-bytes=100B")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasStackTraceContaining("audit.journal.max-bytes: journalMaxBytes must be at least 1024"));
    }

    @Test
    void journalMetersArePresent() {
        runner.withPropertyValues("audit.journal.dir=" + dir).run(ctx -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ctx.getBean(AuditMeterBinder.class).bindTo(registry);
            for (String counter : List.of(
                    "audit.records.spilled",
                    "audit.records.replayed",
                    "audit.records.quarantined",
                    "audit.journal.skipped")) {
                assertThat(registry.get(counter).functionCounter().count())
                        .as(counter)
                        .isZero();
            }
            assertThat(registry.get("audit.journal.bytes").gauge().value()).isZero();
            assertThat(registry.get("audit.journal.oldest.age").timeGauge().value())
                    .isZero();
        });
    }

    @Test
    void signsCheckpointsWithTheConfiguredKey() throws IOException {
        KeyPair keys = Checkpoints.generateKeyPair();
        Path key = Files.writeString(dir.resolve("audit-private.pem"), Checkpoints.toPem(keys.getPrivate()));
        Path file = dir.resolve("checkpoints/audit.chk");
        runner.withPropertyValues(
                        "audit.checkpoints.file=" + file,
                        "audit.checkpoints.private-key=" + key,
                        "audit.checkpoints.every-records=1",
                        "audit.checkpoints.every=1h")
                .run(ctx -> {
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    recorder.record(ActionType.CREATE, b -> b.actor("alice"));
                    recorder.record(ActionType.DELETE, b -> b.actor("alice"));
                    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
                });
        List<Checkpoint> checkpoints = FileCheckpointSink.of(file).readAll();
        assertThat(checkpoints)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.verify(keys.getPublic())).isTrue());
        assertThat(checkpoints).extracting(Checkpoint::seq).contains(2L);
        // Closing the application context closed the recorder, which sealed its chain.
        assertThat(checkpoints.get(checkpoints.size() - 1).closed()).isTrue();
    }

    @Test
    void checkpointSettingsMustBeComplete() throws IOException {
        Path garbage = Files.writeString(
                dir.resolve("not-a-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        runner.withPropertyValues("audit.checkpoints.file=" + dir.resolve("a.chk"))
                .run(ctx ->
                        assertThat(ctx).getFailure().hasStackTraceContaining("audit.checkpoints.private-key is not"));
        runner.withPropertyValues("audit.checkpoints.private-key=" + garbage)
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("audit.checkpoints.file is not"));
        runner.withPropertyValues(
                        "audit.checkpoints.file=" + dir.resolve("a.chk"), "audit.checkpoints.private-key=" + garbage)
                .run(ctx ->
                        assertThat(ctx).getFailure().hasStackTraceContaining("does not hold an Ed25519 private key"));
    }

    @Test
    void bindsRelativePathsAsGivenAndDataSizes() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "audit.journal.dir=var/audit-journal",
                        "audit.journal.max-bytes=64MB",
                        "audit.checkpoints.file=../secure/audit.chk",
                        "audit.checkpoints.every=30s")
                .run(ctx -> {
                    AuditProperties p = ctx.getBean(AuditProperties.class);
                    assertThat(p.getJournal().getDir()).isEqualTo(Path.of("var/audit-journal"));
                    assertThat(p.getJournal().getMaxBytes().toBytes()).isEqualTo(64L << 20);
                    assertThat(p.getCheckpoints().getFile()).isEqualTo(Path.of("../secure/audit.chk"));
                    assertThat(p.getCheckpoints().getEvery()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @EnableConfigurationProperties(AuditProperties.class)
    static class PropertiesOnly {}

    private static List<Path> segments(Path journal) throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jnl"))
                    .toList();
        }
    }
}
