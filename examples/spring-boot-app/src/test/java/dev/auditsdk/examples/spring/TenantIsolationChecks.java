// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.examples.readcases.ReadApiConsistency;
import dev.auditsdk.examples.readcases.TenantIsolation;
import dev.auditsdk.spi.ActivityStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two tenants and three auditors over real HTTP on the running Spring blog: {@link TenantIsolation}'s
 * randomized requests, tenant A's auditor sending {@code X-Tenant: globex} on every request (the app
 * trusts no proxy, so it is ignored), and the capture stamping each user's tenant. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationChecks {
    static final String PASSWORD = "tenant-check-pw";

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    ActivityStore store;

    final HttpClient client = HttpClient.newHttpClient();
    List<ActivityLog> seeds;

    @BeforeAll
    void seed() {
        seeds = TenantIsolation.seeds(300);
        seeds.forEach(recorder::record);
        assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
    }

    ReadApiConsistency.Get as(String user, String... headers) {
        String auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return path -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth);
            if (headers.length > 0) {
                b.headers(headers);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        };
    }

    @Test
    void aTenantsAuditorNeverSeesAnotherTenantsRecord() throws Exception {
        long seed = System.nanoTime();
        Map<String, Integer> sent = TenantIsolation.of(
                        Map.of(
                                "A", as("auditor-a", "X-Tenant", TenantIsolation.B),
                                "B", as("auditor-b"),
                                "ALL", as("auditor")),
                        seeds,
                        seed)
                .run(1_000);
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum())
                .as("seed %d", seed)
                .isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void eachUsersRequestsCarryTheirTenant() throws Exception {
        assertThat(as("alice").get("/api/articles").statusCode()).isEqualTo(200);
        assertThat(as("bob", "X-Tenant", TenantIsolation.A).get("/api/articles").statusCode())
                .isEqualTo(200);
        // the record is made once the response is complete, which may be after the client has it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String[] userAndTenant : new String[][] {{"alice", TenantIsolation.A}, {"bob", TenantIsolation.B}}) {
                List<ActivityLog> mine =
                        store
                                .find(ActivityQuery.builder()
                                        .actor(userAndTenant[0])
                                        .limit(100)
                                        .build())
                                .items()
                                .stream()
                                .filter(l -> l.httpPath().orElse("").equals("/api/articles"))
                                .toList();
                assertThat(mine)
                        .isNotEmpty()
                        .allSatisfy(l -> assertThat(l.tenant()).contains(userAndTenant[1]));
            }
        });
    }
}
