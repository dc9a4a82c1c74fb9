// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.jdbi.JdbiOutbox;
import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.spring.tx.SpringTransactionBinding;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code audit.transactions} with {@link ApplicationContextRunner}. */
class AuditTransactionsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AuditTransactionsAutoConfiguration.class, AuditRecorderAutoConfiguration.class))
            .withPropertyValues("audit.store=memory", "audit.mode=sync");

    private static TransactionTemplate transactions() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:tx-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    /** Records once inside a rolled-back transaction; returns how many records the store got. */
    private static int recordInRolledBackTransaction(ActivityRecorder recorder, InMemoryActivityStore store) {
        transactions().executeWithoutResult(status -> {
            recorder.record(ActionType.UPDATE, b -> b.actor("alice"));
            status.setRollbackOnly();
        });
        return store.size();
    }

    @Test
    void afterCommitByDefault() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(TransactionBinding.class);
            assertThat(ctx.getBean(TransactionBinding.class)).isInstanceOf(SpringTransactionBinding.class);
            ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
            assertThat(recordInRolledBackTransaction(recorder, ctx.getBean(InMemoryActivityStore.class)))
                    .isZero();
            assertThat(recorder.stats().discarded()).isEqualTo(1);
        });
    }

    @Test
    void offRecordsAtOnce() {
        runner.withPropertyValues("audit.transactions=off").run(ctx -> {
            assertThat(ctx).doesNotHaveBean(TransactionBinding.class);
            assertThat(recordInRolledBackTransaction(
                            ctx.getBean(ActivityRecorder.class), ctx.getBean(InMemoryActivityStore.class)))
                    .isEqualTo(1);
        });
    }

    @Test
    void outboxWithoutItsBindingIsRefusedAtStartUpWithAMessage() {
        runner.withPropertyValues("audit.transactions=outbox")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("audit.transactions=outbox needs spring-tx, spring-jdbc"));
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:outbox-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private final ApplicationContextRunner outbox = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AuditJdbiAutoConfiguration.class,
                    AuditTransactionsAutoConfiguration.class,
                    AuditOutboxAutoConfiguration.class,
                    AuditRecorderAutoConfiguration.class))
            .withPropertyValues("audit.transactions=outbox", "audit.store=jdbc", "audit.mode=sync");

    @Test
    void outboxOnAnotherDataSourceThanTheApplicationsIsRefusedAtStartUp() {
        outbox.withBean(DataSource.class, AuditTransactionsAutoConfigurationTest::h2)
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("audit.jdbc.use-application-datasource=true"));
        // A store of the application's own making, on a database of its own.
        JdbiActivityStore elsewhere = JdbiActivityStore.builder(h2()).build();
        outbox.withBean(DataSource.class, AuditTransactionsAutoConfigurationTest::h2)
                .withBean(JdbiActivityStore.class, () -> elsewhere)
                .withPropertyValues("audit.jdbc.use-application-datasource=true")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("needs the audit store on the application's DataSource"));
    }

    @Test
    void outboxOnTheApplicationsDataSourceWritesInTheTransactionAndMetersItsLag() {
        JdbcDataSource ds = h2();
        outbox.withBean(DataSource.class, () -> ds)
                .withPropertyValues("audit.jdbc.use-application-datasource=true")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(JdbiOutbox.class);
                    JdbiOutbox box = ctx.getBean(JdbiOutbox.class);
                    // Stop the relay: this test looks at the outbox before anything moves it.
                    box.close();
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(ds));
                    template.executeWithoutResult(status -> recorder.record(ActionType.UPDATE, b -> b.actor("alice")));
                    template.executeWithoutResult(status -> {
                        recorder.record(ActionType.UPDATE, b -> b.actor("bob"));
                        status.setRollbackOnly();
                    });
                    assertThat(box.lag().rows()).isEqualTo(1);

                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    ctx.getBeansOfType(MeterBinder.class).values().forEach(m -> m.bindTo(registry));
                    assertThat(registry.get("audit.outbox.rows").gauge().value())
                            .isEqualTo(1.0);
                    assertThat(registry.get("audit.outbox.oldest.age")
                                    .timeGauge()
                                    .value())
                            .isGreaterThanOrEqualTo(0.0);

                    assertThat(box.relayOnce()).isEqualTo(1);
                    assertThat(registry.get("audit.outbox.rows").gauge().value())
                            .isZero();
                    JdbiActivityStore store = ctx.getBean(JdbiActivityStore.class);
                    assertThat(store.find(ActivityQuery.builder().build()).items())
                            .singleElement()
                            .satisfies(l -> assertThat(l.actor()).hasValue("alice"));
                    assertThat(recorder.stats().discarded()).isEqualTo(1);
                });
    }

    @Test
    void withoutSpringTxTheRecorderRecordsAtOnce() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.transaction"))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().doesNotHaveBean(TransactionBinding.class);
                    ActivityRecorder recorder = ctx.getBean(ActivityRecorder.class);
                    recorder.record(ActionType.UPDATE, b -> b.actor("alice"));
                    assertThat(ctx.getBean(InMemoryActivityStore.class).size()).isEqualTo(1);
                });
    }

    @Test
    void anApplicationBindingReplacesOurs() {
        TransactionBinding none = opener -> null;
        runner.withBean(TransactionBinding.class, () -> none).run(ctx -> {
            assertThat(ctx.getBean(TransactionBinding.class)).isSameAs(none);
            assertThat(recordInRolledBackTransaction(
                            ctx.getBean(ActivityRecorder.class), ctx.getBean(InMemoryActivityStore.class)))
                    .isEqualTo(1);
        });
    }
}
