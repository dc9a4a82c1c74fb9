// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.jdbi.JdbiActivityStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Boot application with {@code audit.mode=durable} and {@code audit.journal.dir}: requests are
 * recorded through the journal into the jdbc store, health and meters show the journal, and a
 * restarted application takes the journal directory over (the lock is released on shutdown).
 */
class DurableJournalIT {
    @TempDir
    Path dir;

    @Test
    void durableRecordsReachTheStoreAndTheJournalSurvivesARestart() throws Exception {
        String auditUrl = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        String[] args = {
            "--server.port=0",
            "--audit.jdbc.url=" + auditUrl,
            "--audit.mode=durable",
            "--audit.journal.dir=" + dir.resolve("journal"),
            "--management.endpoint.health.show-details=always",
            "--spring.datasource.url=jdbc:h2:mem:app-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
        };
        for (int run = 1; run <= 2; run++) {
            try (ConfigurableApplicationContext ctx =
                    new SpringApplicationBuilder(BlogTestApplication.class).run(args)) {
                JdbiActivityStore store = ctx.getBean(JdbiActivityStore.class);
                Http http = new Http(ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
                assertThat(http.send(
                                        "POST",
                                        "/api/posts",
                                        "run " + run,
                                        "Authorization",
                                        Http.basic("alice", BlogTestApplication.PASSWORD))
                                .statusCode())
                        .isEqualTo(201);
                int expected = run;
                Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> store.find(ActivityQuery.builder()
                                                .actor("alice")
                                                .build())
                                        .items()
                                        .size()
                                == expected);

                ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(recorder.stats().spilled()).isPositive();
                assertThat(recorder.stats().lost()).isZero();
                JsonNode health =
                        new ObjectMapper().readTree(http.get("/actuator/health").body());
                assertThat(health.at("/components/audit/status").asText()).isEqualTo("UP");
                assertThat(health.at("/components/audit/details/spilled").asLong())
                        .isPositive();
                assertThat(health.at("/components/audit/details/journalBytes").asLong())
                        .isZero();
                assertThat(ctx.getBean(MeterRegistry.class)
                                .get("audit.records.spilled")
                                .functionCounter()
                                .count())
                        .isPositive();
            }
        }
    }
}
