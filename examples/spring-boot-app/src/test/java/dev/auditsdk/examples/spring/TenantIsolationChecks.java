// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.examples.readcases.ReadApiConsistency;
import dev.auditsdk.examples.readcases.TenantIsolation;
import dev.auditsdk.examples.readcases.ViewerScenario;
import dev.auditsdk.spi.ActivityStore;
import java.net.http.HttpClient;
import java.time.Duration;
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
        return TenantIsolation.basic(client, "http://127.0.0.1:" + port, user, PASSWORD, headers);
    }

    @Test
    void aTenantsAuditorNeverSeesAnotherTenantsRecord() throws Exception {
        TenantIsolation.check(
                Map.of(
                        "A", as("auditor-a", "X-Tenant", TenantIsolation.B),
                        "B", as("auditor-b"),
                        "ALL", as("auditor")),
                seeds,
                1_000);
    }

    @Test
    void theViewerInChromiumShowsOnlyTheCallersTenant() throws Exception {
        ViewerScenario.tenantOnly(
                "http://localhost:" + port,
                "auditor-a",
                PASSWORD,
                "tenant-check",
                TenantIsolation.A,
                TenantIsolation.B);
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
