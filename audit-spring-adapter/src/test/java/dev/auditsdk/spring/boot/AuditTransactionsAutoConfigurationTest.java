// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.spring.tx.SpringTransactionBinding;
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
    void outboxIsRefusedAtStartUpWithAMessage() {
        runner.withPropertyValues("audit.transactions=outbox")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("audit.transactions=outbox"));
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
