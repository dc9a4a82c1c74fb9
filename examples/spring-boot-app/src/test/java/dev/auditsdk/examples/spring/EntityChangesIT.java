// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityRecorder;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The blog's posts are {@code @AuditedEntity} JPA entities: an edit over real HTTP (random port, the
 * example's H2 files) leaves the HTTP row and the field change linked by request id ({@link
 * EntityChangeChecks}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blog.demo-password=" + EntityChangesIT.PASSWORD)
class EntityChangesIT {
    static final String PASSWORD = "entity-test-pw";

    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        registry.add("blog.data-dir", () -> "./target/it-data/entities-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    ActivityRecorder recorder;

    @Test
    void editingATitleRecordsTheHttpRowAndTheFieldChangeWithOneRequestId() throws Exception {
        String requestId = EntityChangeChecks.editTitleAndFindBothRows(port, PASSWORD, recorder);
        assertThat(requestId).isNotBlank();
    }
}
