// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Slf4jActivitySink;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spring.security.AuditAuthenticationListener;
import dev.auditsdk.spring.web.ActivityReadController;
import dev.auditsdk.spring.web.AuditHandlerInterceptor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every condition of the auto-configuration, with {@link ApplicationContextRunner}. */
class AuditAutoConfigurationTest {
    private static final AutoConfigurations ALL = AutoConfigurations.of(
            AuditJdbiAutoConfiguration.class,
            AuditTenantAutoConfiguration.class,
            AuditTransactionsAutoConfiguration.class,
            AuditRecorderAutoConfiguration.class,
            AuditWebMvcAutoConfiguration.class,
            AuditMetricsAutoConfiguration.class,
            AuditHealthAutoConfiguration.class,
            AuditSecurityAutoConfiguration.class,
            AuditReadApiAutoConfiguration.class);

    /** audit.store=memory unless a test says otherwise, so no test writes the default H2 file. */
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues("audit.store=memory");

    private final WebApplicationContextRunner web =
            new WebApplicationContextRunner().withConfiguration(ALL).withPropertyValues("audit.store=memory");
    private final ApplicationContextRunner bare = new ApplicationContextRunner().withConfiguration(ALL);

    @Test
    void usesTheJdbcStoreWhenAuditJdbiIsPresent() {
        bare.withPropertyValues("audit.jdbc.url=jdbc:h2:mem:auto-" + java.util.UUID.randomUUID())
                .run(ctx -> {
                    assertThat(ctx)
                            .hasSingleBean(JdbiActivityStore.class)
                            .hasSingleBean(ActivitySink.class)
                            .doesNotHaveBean(InMemoryActivityStore.class);
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    recorder.record(ActionType.LOGIN, b -> b.actor("alice"));
                    recorder.flush(Duration.ofSeconds(10));
                    assertThat(ctx.getBean(JdbiActivityStore.class)
                                    .find(ActivityQuery.latest())
                                    .items())
                            .hasSize(1);
                });
    }

    @Test
    void fallsBackToMemoryWithoutAuditJdbi() {
        bare.withClassLoader(new FilteredClassLoader("dev.auditsdk.jdbi"))
                .run(ctx -> assertThat(ctx)
                        .hasSingleBean(InMemoryActivityStore.class)
                        .doesNotHaveBean(JdbiActivityStore.class));
    }

    @Test
    void applicationDataSourceOnlyWhenAskedAndPresent() {
        bare.withPropertyValues("audit.jdbc.use-application-datasource=true")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("DataSource"));
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:app-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        bare.withPropertyValues("audit.jdbc.use-application-datasource=true")
                .withBean(javax.sql.DataSource.class, () -> ds)
                .run(ctx -> assertThat(ctx).hasSingleBean(JdbiActivityStore.class));
    }

    @Test
    void createsRecorderWithMemoryStoreWhenNothingIsConfigured() {
        runner.run(ctx -> {
            assertThat(ctx)
                    .hasSingleBean(ActivityRecorder.class)
                    .hasSingleBean(InMemoryActivityStore.class)
                    .hasSingleBean(AuditMeterBinder.class)
                    .hasSingleBean(AuditHealthIndicator.class)
                    .hasSingleBean(AuditAuthenticationListener.class)
                    .hasSingleBean(AuditRetention.class);
            assertThat(ctx.getBean(AuditRetention.class).isActive()).isFalse();
        });
    }

    @Test
    void createsNothingWhenDisabled() {
        runner.withPropertyValues("audit.enabled=false")
                .run(ctx -> assertThat(ctx)
                        .doesNotHaveBean(ActivityRecorder.class)
                        .doesNotHaveBean(ActivitySink.class)
                        .doesNotHaveBean(AuditMeterBinder.class)
                        .doesNotHaveBean(AuditHealthIndicator.class)
                        .doesNotHaveBean(AuditAuthenticationListener.class));
    }

    @Test
    void backsOffForUserRecorderAndStore() {
        runner.withUserConfiguration(UserBeans.class).run(ctx -> {
            assertThat(ctx).hasSingleBean(ActivityRecorder.class).hasSingleBean(ActivitySink.class);
            assertThat(ctx.getBean(ActivityRecorder.class)).isSameAs(ctx.getBean("myRecorder"));
            assertThat(ctx.getBean(ActivitySink.class)).isSameAs(ctx.getBean("myStore"));
            assertThat(ctx).hasSingleBean(AuditAuthenticationListener.class);
        });
    }

    @Test
    void logStoreIsASinkButNoStore() {
        runner.withPropertyValues("audit.store=log").run(ctx -> {
            assertThat(ctx).hasSingleBean(Slf4jActivitySink.class).doesNotHaveBean(ActivityStore.class);
        });
    }

    @Test
    void jdbcStoreWithoutAuditJdbiFailsClearly() {
        bare.withClassLoader(new FilteredClassLoader("dev.auditsdk.jdbi"))
                .withPropertyValues("audit.store=jdbc")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("audit-jdbi"));
    }

    @Test
    void customizersAdjustTheBuilder() {
        runner.withBean(
                        "c1",
                        ActivityRecorderBuilderCustomizer.class,
                        () -> b -> b.mode(dev.auditsdk.RecorderMode.SYNC))
                .run(ctx -> {
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    recorder.record(ActionType.READ, b -> b.actor("alice"));
                    // SYNC mode: the record is in the store as soon as record() returns.
                    assertThat(ctx.getBean(InMemoryActivityStore.class).size()).isEqualTo(1);
                });
    }

    @Test
    void securityListenerBacksOffWithoutSpringSecurityOrWhenDisabled() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .run(ctx -> assertThat(ctx)
                        .hasSingleBean(ActivityRecorder.class)
                        .doesNotHaveBean(AuditAuthenticationListener.class));
        runner.withPropertyValues("audit.security.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(AuditAuthenticationListener.class));
        runner.withClassLoader(new FilteredClassLoader("jakarta.servlet"))
                .run(ctx -> assertThat(ctx)
                        .hasSingleBean(ActivityRecorder.class)
                        .doesNotHaveBean(AuditAuthenticationListener.class));
    }

    @Test
    void sessionExpiryListenerOnlyInServletAppsAndSwitchable() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(ServletListenerRegistrationBean.class));
        web.run(ctx -> assertThat(ctx).hasSingleBean(ServletListenerRegistrationBean.class));
        web.withPropertyValues("audit.security.session-expiry=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ServletListenerRegistrationBean.class));
    }

    @Test
    void metricsAndHealthBackOffWithoutTheirLibraries() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.boot.health"))
                .run(ctx -> assertThat(ctx)
                        .hasSingleBean(ActivityRecorder.class)
                        .doesNotHaveBean(AuditMeterBinder.class)
                        .doesNotHaveBean(AuditHealthIndicator.class));
        runner.withPropertyValues("management.health.audit.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(AuditHealthIndicator.class));
    }

    @Test
    void mvcCaptureOnlyInServletAppsWithSpringMvcAndSwitchable() {
        web.run(ctx -> assertThat(ctx)
                .hasSingleBean(AuditHandlerInterceptor.class)
                .hasBean("auditRequestFilter")
                .hasBean("auditWebMvcConfigurer"));
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(AuditHandlerInterceptor.class));
        web.withPropertyValues("audit.web.enabled=false")
                .run(ctx -> assertThat(ctx)
                        .doesNotHaveBean(AuditHandlerInterceptor.class)
                        .doesNotHaveBean("auditRequestFilter"));
        web.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(AuditHandlerInterceptor.class));
        web.withPropertyValues("audit.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(AuditHandlerInterceptor.class));
    }

    @Test
    void mvcCaptureBacksOffForUserBeans() {
        web.withUserConfiguration(UserBeans.class, UserWebBeans.class).run(ctx -> {
            assertThat(ctx).hasSingleBean(AuditHandlerInterceptor.class).hasSingleBean(HttpActivityMapper.class);
            assertThat(ctx.getBean(AuditHandlerInterceptor.class)).isSameAs(ctx.getBean("myInterceptor"));
            assertThat(ctx.getBean(HttpActivityMapper.class)).isSameAs(ctx.getBean("myMapper"));
        });
    }

    @Test
    void actorsComeFromSpringSecurityWhenPresent() {
        runner.run(ctx -> assertThat(ctx).hasBean("auditActorResolver"));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .run(ctx ->
                        assertThat(ctx).doesNotHaveBean("auditActorResolver").hasSingleBean(HttpActivityMapper.class));
    }

    @Test
    void readApiOnlyWhenEnabledInAServletAppWithAStore() {
        web.run(ctx -> assertThat(ctx).doesNotHaveBean(ActivityReadController.class));
        web.withPropertyValues("audit.web.read-api.enabled=true")
                .run(ctx -> assertThat(ctx).hasSingleBean(ActivityReadController.class));
        web.withPropertyValues("audit.web.read-api.enabled=true", "audit.store=log")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ActivityReadController.class));
        runner.withPropertyValues("audit.web.read-api.enabled=true")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ActivityReadController.class));
        web.withPropertyValues("audit.web.read-api.enabled=true")
                .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ActivityReadController.class));
    }

    @Test
    void retentionIsActiveWhenSetAndPurges() {
        runner.withPropertyValues("audit.retention=90d", "audit.mode=sync").run(ctx -> {
            AuditRetention retention = ctx.getBean(AuditRetention.class);
            assertThat(retention.isActive()).isTrue();
            assertThat(retention.isRunning()).isTrue();
            ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
            recorder.record(
                    ActionType.READ, b -> b.occurredAt(java.time.Instant.now().minus(Duration.ofDays(91))));
            recorder.record(
                    ActionType.READ, b -> b.occurredAt(java.time.Instant.now().minus(Duration.ofDays(89))));
            assertThat(retention.purgeNow()).isEqualTo(1);
            // the recent record and the purge marker that keeps the trail verifiable
            assertThat(ctx.getBean(InMemoryActivityStore.class).size()).isEqualTo(2);
        });
    }

    @Test
    void contextCloseDrainsTheQueue() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        AtomicInteger recorded = new AtomicInteger();
        // A long linger keeps the records queued until the context closes.
        runner.withBean("myStore", InMemoryActivityStore.class, () -> store)
                .withPropertyValues("audit.linger=1h", "audit.batch-size=100000")
                .run(ctx -> {
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    for (int i = 0; i < 500; i++) {
                        recorder.record(ActionType.CREATE, b -> b.actor("alice"));
                        recorded.incrementAndGet();
                    }
                    assertThat(store.size()).isZero();
                });
        assertThat(store.size()).isEqualTo(recorded.get());
    }

    @Configuration(proxyBeanMethods = false)
    static class UserWebBeans {
        @Bean
        HttpActivityMapper myMapper() {
            return HttpActivityMapper.defaults();
        }

        @Bean
        AuditHandlerInterceptor myInterceptor(ActivityRecorder recorder, HttpActivityMapper mapper) {
            return AuditHandlerInterceptor.create(recorder, mapper, true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        @Bean
        InMemoryActivityStore myStore() {
            return InMemoryActivityStore.create();
        }

        @Bean
        ActivityRecorder myRecorder(InMemoryActivityStore myStore) {
            return ActivityRecorder.builder().store(myStore).build();
        }
    }
}
