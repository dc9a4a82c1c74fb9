// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.examples.readcases.ReadApiCase;
import dev.auditsdk.examples.readcases.ReadApiConsistency;
import dev.auditsdk.examples.readcases.Seeds;
import dev.auditsdk.read.ActivityExport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read API, the JSON Lines export and the CSV export of the servlet blog select the same
 * records in the same order for every parameter set of {@link ReadApiCase#all()}, or all answer 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiConsistencyIT {
    static final String PASSWORD = "read-consistency-pw";

    @TempDir
    static Path data;

    BlogServer blog;
    ReadApiConsistency.Get get;
    ReadApiConsistency check;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void startAndSeed() throws Exception {
        blog = BlogServer.start(0, data, PASSWORD);
        List<ActivityLog> seeds = Seeds.records();
        seeds.forEach(blog.recorder()::record);
        assertThat(blog.recorder().flush(Duration.ofSeconds(10))).isTrue();
        String auditor =
                "Basic " + Base64.getEncoder().encodeToString(("auditor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        get = path -> client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + blog.port() + path))
                        .header("Authorization", auditor)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        check = ReadApiConsistency.of(get, seeds);
    }

    @AfterAll
    void stop() {
        if (blog != null) {
            blog.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.auditsdk.examples.readcases.ReadApiCase#all")
    void apiAndBothExportsSelectTheSameRecords(ReadApiCase c) throws Exception {
        check.check(c);
    }

    @Test
    void anExportIsRecordedAsExportWithItsFilters() throws Exception {
        HttpResponse<String> csv = get.get("/api/activity/export?format=csv&actor=alice");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(".csv");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(blog.recorder().flush(Duration.ofSeconds(5))).isTrue();
            assertThat(blog.store()
                            .find(ActivityQuery.builder()
                                    .action(ActivityExport.ACTION)
                                    .actor("auditor")
                                    .build())
                            .items())
                    .anySatisfy(log -> {
                        assertThat(log.data()).containsEntry("format", "csv");
                        assertThat(log.data()).containsEntry("query", Map.of("actor", "alice"));
                        assertThat(log.httpRoute()).contains("activity-export");
                    });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"format=xlsx", "format=", "format=csv&format=jsonl", "format=json"})
    void unknownFormatsAreABadRequest(String query) throws Exception {
        check.checkBadFormat(query);
    }
}
