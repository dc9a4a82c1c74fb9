// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.examples.readcases.ReadApiConsistency;
import dev.auditsdk.examples.readcases.TenantIsolation;
import dev.auditsdk.examples.readcases.ViewerScenario;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants and three auditors over real HTTP on the servlet blog (H2): {@link TenantIsolation}'s
 * randomized requests, with tenant A's auditor sending {@code X-Tenant: globex} on every request
 * from a peer that is not a trusted proxy, and the capture stamping each user's tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {
    static final String PASSWORD = "tenant-check-pw";

    @TempDir
    static Path data;

    BlogServer blog;
    final HttpClient client = HttpClient.newHttpClient();
    List<ActivityLog> seeds;

    @BeforeAll
    void startAndSeed() throws Exception {
        blog = BlogServer.start(0, data, PASSWORD);
        seeds = TenantIsolation.seeds(300);
        seeds.forEach(blog.recorder()::record);
        assertThat(blog.recorder().flush(Duration.ofSeconds(30))).isTrue();
    }

    @AfterAll
    void stop() {
        if (blog != null) {
            blog.close();
        }
    }

    ReadApiConsistency.Get as(String user, String... headers) {
        return TenantIsolation.basic(client, "http://127.0.0.1:" + blog.port(), user, PASSWORD, headers);
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
                "http://localhost:" + blog.port(),
                "auditor-a",
                PASSWORD,
                "tenant-check",
                TenantIsolation.A,
                TenantIsolation.B);
    }

    @Test
    void eachUsersRequestsCarryTheirTenant() throws Exception {
        assertThat(as("alice").get("/api/posts").statusCode()).isEqualTo(200);
        assertThat(as("bob", "X-Tenant", TenantIsolation.A).get("/api/posts").statusCode())
                .isEqualTo(200);
        // the record is made once the response is complete, which may be after the client has it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ActivityLog> posts = new java.util.ArrayList<>();
            for (String user : List.of("alice", "bob")) {
                posts.addAll(blog
                        .store()
                        .find(ActivityQuery.builder().actor(user).limit(100).build())
                        .items()
                        .stream()
                        .filter(l -> l.httpPath().orElse("").equals("/api/posts"))
                        .toList());
            }
            assertThat(posts)
                    .filteredOn(l -> l.actor().orElse("").equals("alice"))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.tenant()).contains(TenantIsolation.A));
            assertThat(posts)
                    .filteredOn(l -> l.actor().orElse("").equals("bob"))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.tenant()).contains(TenantIsolation.B));
        });
    }
}
