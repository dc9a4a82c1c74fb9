// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.test.AuditTrail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AuditTrailAutoConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AuditTrailAutoConfiguration.class));

    @Test
    void theTrailIsTheRecorderAndTheSink() {
        runner.run(context -> {
            AuditTrail trail = context.getBean(AuditTrail.class);
            assertThat(context.getBean(ActivityRecorder.class)).isSameAs(trail.recorder());
            assertThat(context.getBean(ActivitySink.class)).isSameAs(trail.store());
            assertThat(context.getBean(InMemoryActivityStore.class)).isSameAs(trail.store());
        });
    }

    @Test
    void winsOverARecorderTheApplicationDefines() {
        runner.withUserConfiguration(AppRecorder.class).run(context -> {
            AuditTrail trail = context.getBean(AuditTrail.class);
            assertThat(context.getBean(ActivityRecorder.class)).isSameAs(trail.recorder());
        });
    }

    @Test
    void redactsTheKeysTheApplicationConfigured() {
        runner.withPropertyValues("audit.redact-keys=iban,pin").run(context -> {
            AuditTrail trail = context.getBean(AuditTrail.class);
            context.getBean(ActivityRecorder.class)
                    .record(ActionType.UPDATE, b -> b.data(Map.of("iban", "DE02", "password", "kept")));

            assertThat(trail)
                    .hasRecorded(ActionType.UPDATE)
                    .withData("iban", "[REDACTED]")
                    .withData("password", "kept");
        });
    }

    @Test
    void closesTheTrailWithTheContext() {
        AuditTrail[] trail = new AuditTrail[1];
        runner.run(context -> trail[0] = context.getBean(AuditTrail.class));

        assertThat(trail[0].recorder().stats()).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> trail[0].recorder().record(ActionType.READ, b -> b.actor("late")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class AppRecorder {
        @Bean
        ActivityRecorder activityRecorder() {
            return ActivityRecorder.builder()
                    .store(InMemoryActivityStore.create())
                    .build();
        }
    }
}
