// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.spring.tx.SpringTransactionBinding;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code audit.transactions=after-commit} (the default): the {@link SpringTransactionBinding} the
 * recorder holds application records in while a Spring-managed transaction is active. A bean, so
 * that a test recorder (audit-test's {@code AuditTrail}) can hold records the same way.
 *
 * @since 0.2
 */
@AutoConfiguration(beforeName = "dev.auditsdk.spring.boot.AuditRecorderAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
@ConditionalOnBooleanProperty(name = "audit.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "audit.transactions", havingValue = "after-commit", matchIfMissing = true)
public class AuditTransactionsAutoConfiguration {

    /** The binding over Spring's transaction synchronization. */
    @Bean
    @ConditionalOnMissingBean
    TransactionBinding auditTransactionBinding() {
        return SpringTransactionBinding.create();
    }
}
