// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TenantIsolationChecks} with the trail in PostgreSQL (a private schema of {@link TestDatabases}). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blog.demo-password=" + TenantIsolationChecks.PASSWORD)
class PostgresTenantIsolationIT extends TenantIsolationChecks {
    private static TestDatabase pg;

    @DynamicPropertySource
    static void auditInPostgres(DynamicPropertyRegistry registry) {
        pg = TestDatabases.postgres();
        registry.add("blog.data-dir", () -> "./target/it-data/pg-tenants-" + UUID.randomUUID());
        registry.add("audit.jdbc.url", pg::url);
        registry.add("audit.jdbc.username", pg::user);
        registry.add("audit.jdbc.password", pg::password);
    }

    @AfterAll
    static void dropSchema() {
        if (pg != null) {
            pg.close();
        }
    }
}
