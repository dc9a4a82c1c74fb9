// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.test.AuditTrail;
import dev.auditsdk.test.spring.AutoConfigureAuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * With audit-jdbi and H2 on the classpath and {@code audit.store=jdbc}, the adapter would open a JDBC
 * store and build its own recorder: the trail must replace both.
 */
@SpringBootTest(
        classes = BlogApplication.class,
        properties = {"audit.store=jdbc", "audit.jdbc.url=jdbc:h2:mem:must-not-open;IFEXISTS=TRUE"})
@AutoConfigureAuditTrail
class TrailReplacesTheAdapterRecorderTest {
    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Test
    void theApplicationRecordsIntoTheTrailOnly() {
        assertThat(context.getBean(ActivityRecorder.class)).isSameAs(trail.recorder());
        assertThat(context.getBeansOfType(ActivityRecorder.class)).hasSize(1);
        assertThat(context.getBeansOfType(ActivitySink.class)).containsOnlyKeys("auditTrailStore");
        assertThat(context.getBeansOfType(JdbiActivityStore.class)).isEmpty();
    }
}
