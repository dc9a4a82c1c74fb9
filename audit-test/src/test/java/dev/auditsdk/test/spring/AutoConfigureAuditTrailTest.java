// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.test.AuditTrail;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The annotation in a plain Spring test without audit-spring-adapter on the classpath (its
 * auto-configurations are optional imports), and the clearing between test methods that share the
 * context.
 */
@SpringJUnitConfig(AutoConfigureAuditTrailTest.Empty.class)
@AutoConfigureAuditTrail
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureAuditTrailTest {
    @Autowired
    AuditTrail trail;

    @Autowired
    ActivityRecorder recorder;

    @Test
    @Order(1)
    void recordsIntoTheTrail() {
        recorder.record(ActionType.CREATE, b -> b.actor("alice").target("Post", 1));

        assertThat(trail).hasRecorded(ActionType.CREATE).by("alice").on("Post", 1);
    }

    @Test
    @Order(2)
    void startsEachTestMethodWithAnEmptyTrail() {
        assertThat(trail).hasRecordedNothing();
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
