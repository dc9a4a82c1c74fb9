// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.tx;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.spi.TransactionBinding;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds application records made inside a Spring-managed transaction until it commits, and
 * discards them when it rolls back, through {@link TransactionSynchronization}: so it works with
 * {@code @Transactional} and {@code TransactionTemplate}, with the JDBC, JPA and any other
 * {@code AbstractPlatformTransactionManager}. Without an actual transaction (none, or
 * {@code SUPPORTS} without one) records are recorded at once. A {@code REQUIRES_NEW} transaction has
 * a unit of its own, committed with it.
 *
 * <pre>{@code
 * ActivityRecorder.builder().store(store).transactions(SpringTransactionBinding.create()).build();
 * }</pre>
 *
 * Spring Boot applications get it from the auto-configuration ({@code audit.transactions=after-commit}, the default;
 * {@code outbox} for {@link #outbox(Consumer)}).
 *
 * @since 0.2
 */
public final class SpringTransactionBinding implements TransactionBinding {
    private static final Logger LOG = LoggerFactory.getLogger(SpringTransactionBinding.class);

    private final @Nullable Consumer<List<ActivityLog>> outbox;

    private SpringTransactionBinding(@Nullable Consumer<List<ActivityLog>> outbox) {
        this.outbox = outbox;
    }

    /** A binding; use one per recorder (it is the key its units are bound under). */
    public static SpringTransactionBinding create() {
        return new SpringTransactionBinding(null);
    }

    /**
     * The transactional outbox: a binding that hands the records of a read-write transaction to
     * {@code writer} in {@code beforeCommit}, on the transaction's thread, so that the writer inserts
     * them on the transaction's own connection (audit-jdbi's {@code JdbiOutbox.insert}). A writer that
     * throws fails the commit and the transaction rolls back: in this mode an audit failure fails the
     * business transaction. Records of a read-only transaction wait for its commit as with
     * {@link #create()}. Spring Boot applications get it with {@code audit.transactions=outbox}.
     */
    public static SpringTransactionBinding outbox(Consumer<List<ActivityLog>> writer) {
        return new SpringTransactionBinding(Objects.requireNonNull(writer, "writer"));
    }

    @Override
    public @Nullable ActivityTransaction current(Supplier<ActivityTransaction> opener) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof ActivityTransaction bound) {
            return bound;
        }
        ActivityTransaction tx = opener.get();
        TransactionSynchronizationManager.registerSynchronization(new Completion(this, tx, outbox));
        TransactionSynchronizationManager.bindResource(this, tx);
        return tx;
    }

    /**
     * Commits the unit after the transaction committed, discards it otherwise. It stays bound until
     * completion, so a record made in another synchronization's after-commit callback finds the
     * unit completed and is recorded at once; it runs late among the synchronizations so that such
     * callbacks usually come before its own completion.
     */
    private record Completion(
            SpringTransactionBinding key,
            ActivityTransaction tx,
            @Nullable Consumer<List<ActivityLog>> outbox) implements TransactionSynchronization {
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, tx);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (outbox != null && !readOnly) {
                // Inside the transaction: a failure here propagates and the transaction rolls back.
                tx.commitTo(outbox);
            }
        }

        @Override
        public void afterCommit() {
            tx.commit();
        }

        @Override
        public void afterCompletion(int status) {
            try {
                if (status == STATUS_UNKNOWN && !tx.isCompleted()) {
                    // The commit failed in a way that leaves its outcome open: say so rather than guess.
                    LOG.warn(
                            "Transaction outcome unknown: {} audit records discarded (counted in stats().discarded())",
                            tx.pending().size());
                }
                if (status != STATUS_COMMITTED) {
                    // A record of work that may not have happened is not written.
                    tx.discard();
                }
            } finally {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        }
    }
}
