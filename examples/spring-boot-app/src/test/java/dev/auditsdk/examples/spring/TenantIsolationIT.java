// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TenantIsolationChecks} with the trail in the app's default embedded H2 file. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blog.demo-password=" + TenantIsolationChecks.PASSWORD)
class TenantIsolationIT extends TenantIsolationChecks {
    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> "./target/it-data/tenants-" + UUID.randomUUID());
    }
}
