// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.jdbi.JdbiOutbox;
import dev.auditsdk.spi.ActivitySink;
import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.spring.tx.SpringTransactionBinding;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@code audit.transactions=outbox}: records made in a read-write Spring-managed transaction are
 * inserted into audit-jdbi's outbox table on the transaction's own connection just before it
 * commits, and a relay moves them into the trail. It needs the audit store on the application's
 * DataSource ({@code audit.jdbc.use-application-datasource=true}) and refuses to start otherwise.
 * An outbox insert that fails fails the business transaction. Meters: gauge
 * {@code audit.outbox.rows} and time gauge {@code audit.outbox.oldest.age} (the relay's lag).
 *
 * @since 0.2
 */
@AutoConfiguration(
        beforeName = "dev.auditsdk.spring.boot.AuditRecorderAutoConfiguration",
        after = AuditJdbiAutoConfiguration.class)
@ConditionalOnClass(
        name = {
            "org.springframework.transaction.support.TransactionSynchronizationManager",
            "org.springframework.jdbc.datasource.DataSourceUtils",
            "dev.auditsdk.jdbi.JdbiOutbox"
        })
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "audit.transactions", havingValue = "outbox")
public class AuditOutboxAutoConfiguration {

    /**
     * The binding that writes the outbox in {@code beforeCommit}; the outbox bean is looked up on
     * first use, since it needs the recorder this binding goes into.
     */
    @Bean
    @ConditionalOnMissingBean
    TransactionBinding auditTransactionBinding(
            AuditProperties p, ObjectProvider<DataSource> dataSources, ObjectProvider<JdbiOutbox> outbox) {
        if (!p.getJdbc().isUseApplicationDatasource()) {
            throw new IllegalStateException("audit.transactions=outbox needs the audit store on the application's"
                    + " DataSource: set audit.jdbc.use-application-datasource=true (the outbox rows are inserted in"
                    + " the business transaction, so they must live in its database), or use"
                    + " audit.transactions=after-commit");
        }
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null) {
            throw new IllegalStateException(
                    "audit.transactions=outbox needs the application's single DataSource bean, and there is none");
        }
        return SpringTransactionBinding.outbox(logs -> {
            // The transaction's own connection: the one Spring bound to this thread for the DataSource.
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                outbox.getObject().insert(c, logs);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    /** The outbox and its relay, started now and stopped before the recorder closes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JdbiOutbox auditOutbox(
            AuditProperties p, ActivitySink sink, ActivityRecorder recorder, ObjectProvider<DataSource> dataSources) {
        if (!(sink instanceof JdbiActivityStore store)) {
            throw new IllegalStateException("audit.transactions=outbox needs the relational store of audit-jdbi"
                    + " (audit.store=jdbc); the audit sink is "
                    + sink.getClass().getName());
        }
        DataSource dataSource = dataSources.getIfUnique();
        JdbiOutbox.Builder b = JdbiOutbox.builder(store, recorder);
        if (dataSource != null) {
            // Refuses a store on another DataSource (e.g. a user-defined store bean).
            b.sharedDataSource(dataSource);
        }
        return b.build().startRelay();
    }

    /** Meters of the relay's lag, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class OutboxMeters {
        @Bean
        MeterBinder auditOutboxMeters(JdbiOutbox outbox) {
            return registry -> {
                Gauge.builder("audit.outbox.rows", outbox, safely(o -> o.lag().rows()))
                        .description("committed records waiting in the outbox for the relay")
                        .baseUnit("records")
                        .register(registry);
                TimeGauge.builder(
                                "audit.outbox.oldest.age",
                                outbox,
                                TimeUnit.MILLISECONDS,
                                safely(o -> o.lag().oldest().toMillis()))
                        .description("age of the oldest record waiting in the outbox")
                        .register(registry);
            };
        }

        /** A gauge reads the database: when it cannot, it reports NaN rather than failing the scrape. */
        private static ToDoubleFunction<JdbiOutbox> safely(ToDoubleFunction<JdbiOutbox> f) {
            return o -> {
                try {
                    return f.applyAsDouble(o);
                } catch (RuntimeException e) {
                    return Double.NaN;
                }
            };
        }
    }
}
