// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters over the recorder's stats, when Micrometer is on the classpath; Spring Boot
 * binds the {@link AuditMeterBinder} to every registry.
 *
 * @since 0.1
 */
@AutoConfiguration(after = AuditRecorderAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBean(ActivityRecorder.class)
public class AuditMetricsAutoConfiguration {
    /** The meters. */
    @Bean
    @ConditionalOnMissingBean
    AuditMeterBinder auditMeterBinder(ActivityRecorder recorder) {
        return AuditMeterBinder.of(recorder);
    }
}
