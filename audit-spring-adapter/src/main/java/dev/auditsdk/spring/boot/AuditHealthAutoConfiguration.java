// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code audit} health indicator (Spring Boot 4's health module); off with
 * {@code management.health.audit.enabled=false}.
 *
 * @since 0.1
 */
@AutoConfiguration(after = AuditRecorderAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(ActivityRecorder.class)
public class AuditHealthAutoConfiguration {
    /** The indicator; its bean name makes it the {@code audit} component of {@code /actuator/health}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnEnabledHealthIndicator("audit")
    AuditHealthIndicator auditHealthIndicator(ActivityRecorder recorder, AuditProperties properties) {
        return new AuditHealthIndicator(
                recorder,
                properties.getHealth().getStuckAfter(),
                properties.getHealth().getLossWindow(),
                Clock.systemUTC());
    }
}
