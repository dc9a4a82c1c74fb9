// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.hibernate.AuditEntities;
import dev.auditsdk.spring.entities.Note;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code audit.entities.*}: with audit-hibernate on the classpath the application's entity manager
 * factory records the committed changes of {@code @AuditedEntity} entities through the application's
 * recorder, on a real Hibernate and H2 under Spring's {@code JpaTransactionManager}; with
 * {@code audit.transactions=after-commit} (the default) an entity change is recorded once, at the
 * commit, with the request id of the open {@link ActivityContext} and the actor of Spring Security's
 * context, while the application's own records of the transaction wait for Spring's commit as before.
 */
class AuditEntitiesAutoConfigurationTest {
    private static final AutoConfigurations AUDIT = AutoConfigurations.of(
            AuditTransactionsAutoConfiguration.class,
            AuditRecorderAutoConfiguration.class,
            AuditEntitiesAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AUDIT)
            .withUserConfiguration(JpaApplication.class)
            .withPropertyValues("audit.store=memory", "audit.mode=sync");

    /** What an application declares for JPA without Boot's JPA auto-configuration (it is not on this module's classpath). */
    @Configuration(proxyBeanMethods = false)
    static class JpaApplication {
        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:entities-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean f = new LocalContainerEntityManagerFactoryBean();
            f.setDataSource(dataSource);
            f.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            f.setPackagesToScan(Note.class.getPackageName());
            f.getJpaPropertyMap().put("hibernate.hbm2ddl.auto", "create");
            return f;
        }

        @Bean
        JpaTransactionManager transactionManager(EntityManagerFactory emf) {
            return new JpaTransactionManager(emf);
        }

        @Bean
        TransactionTemplate transactionTemplate(JpaTransactionManager tm) {
            return new TransactionTemplate(tm);
        }
    }

    @AfterEach
    void clearSecurity() {
        SecurityContextHolder.clearContext();
    }

    private static List<ActivityLog> records(AssertableApplicationContext ctx) {
        return ctx.getBean(InMemoryActivityStore.class).find(ActivityQuery.latest()).items().stream()
                .sorted(ActivityLog.NEWEST_FIRST.reversed())
                .toList();
    }

    private static void inTransaction(AssertableApplicationContext ctx, boolean commit, Object entity) {
        EntityManager em =
                SharedEntityManagerCreator.createSharedEntityManager(ctx.getBean(EntityManagerFactory.class));
        ctx.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            em.persist(entity);
            ctx.getBean(ActivityRecorder.class)
                    .record(ActionType.of("Publish"), b -> b.actor("alice").remarks("the application's own record"));
            em.flush();
            if (!commit) {
                status.setRollbackOnly();
            }
        });
    }

    @Test
    void aCommittedEntityChangeIsRecordedOnceWithTheRequestIdAndTheSecurityActor() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(AuditEntities.class);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
            try (ActivityContext.Scope ignored = ActivityContext.open("req-42", null, "192.0.2.1")) {
                inTransaction(ctx, true, new Note("Hello", "only for reviewers"));
            }

            List<ActivityLog> logs = records(ctx);
            assertThat(logs)
                    .extracting(ActivityLog::action)
                    .containsExactlyInAnyOrder(ActionType.CREATE, ActionType.of("Publish"));
            assertThat(logs).allSatisfy(l -> assertThat(l.requestId()).contains("req-42"));
            ActivityLog created = logs.stream()
                    .filter(l -> l.action().equals(ActionType.CREATE))
                    .findFirst()
                    .orElseThrow();
            assertThat(created.actor()).contains("alice");
            assertThat(created.target().orElseThrow().type()).isEqualTo("Note");
            assertThat(created.data().get("changes").toString())
                    .contains("title", "Hello", "[REDACTED]")
                    .doesNotContain("only for reviewers");
            assertThat(ctx.getBean(ActivityRecorder.class).stats().held()).isZero();
            assertThat(ctx.getBean(AuditEntities.class).failed()).isZero();
        });
    }

    @Test
    void aRolledBackTransactionRecordsNothing() {
        runner.run(ctx -> {
            inTransaction(ctx, false, new Note("Never", null));
            assertThat(records(ctx)).isEmpty();
            assertThat(ctx.getBean(ActivityRecorder.class).stats().discarded()).isEqualTo(1);
        });
    }

    @Test
    void withoutSpringSecurityTheActorIsEmpty() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .run(ctx -> {
                    inTransaction(ctx, true, new Note("Anonymous", null));
                    assertThat(records(ctx))
                            .filteredOn(l -> l.action().equals(ActionType.CREATE))
                            .singleElement()
                            .satisfies(l -> assertThat(l.actor()).isEmpty());
                });
    }

    @Test
    void entitiesEnabledFalseLeavesTheFactoryAlone() {
        runner.withPropertyValues("audit.entities.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed().doesNotHaveBean(AuditEntities.class);
            assertThat(ctx.getBean(LocalContainerEntityManagerFactoryBean.class).getJpaPropertyMap())
                    .doesNotContainKey(AuditEntities.PROPERTY);
            inTransaction(ctx, true, new Note("Unrecorded", null));
            assertThat(records(ctx)).extracting(ActivityLog::action).containsExactly(ActionType.of("Publish"));
        });
    }

    @Test
    void auditDisabledMakesNoEntityCapture() {
        runner.withPropertyValues("audit.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(AuditEntities.class));
    }

    @Test
    void withoutAuditHibernateNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader("dev.auditsdk.hibernate"))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().doesNotHaveBean(AuditEntities.class);
                    assertThat(ctx.getBean(LocalContainerEntityManagerFactoryBean.class)
                                    .getJpaPropertyMap())
                            .doesNotContainKey(AuditEntities.PROPERTY);
                });
    }

    @Test
    void theApplicationsOwnAuditEntitiesIsTheOneGivenToHibernate() {
        runner.withBean(
                        "myAuditEntities",
                        AuditEntities.class,
                        () -> AuditEntities.builder(ActivityRecorder.builder()
                                        .store(InMemoryActivityStore.create())
                                        .mode(RecorderMode.SYNC)
                                        .build())
                                .actor(() -> "batch-job")
                                .build())
                .run(ctx -> {
                    AuditEntities mine = ctx.getBean(AuditEntities.class);
                    Map<String, Object> settings = ctx.getBean(LocalContainerEntityManagerFactoryBean.class)
                            .getJpaPropertyMap();
                    assertThat(settings.get(AuditEntities.PROPERTY)).isSameAs(mine);
                    assertThat(mine.actor()).isEqualTo("batch-job");
                });
    }
}
