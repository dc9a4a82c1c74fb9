// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spi;

import dev.auditsdk.ActivityTransaction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Ties {@code ActivityRecorder.record(...)} to the transaction a framework has active on the calling
 * thread: while one is active, application records ({@code Source.APP}) go to the unit this
 * binding returns and reach the recorder only when the framework commits; HTTP and login records
 * are never held. Set with {@code ActivityRecorder.Builder.transactions(binding)}; the Spring
 * adapter provides one over {@code TransactionSynchronization}.
 *
 * <p>An implementation returns the unit already bound to the active transaction, or opens one with
 * {@code opener} on first use and arranges with the framework that it is committed after the
 * transaction commits and discarded after it rolls back. It returns null when no transaction is
 * active, or when the active one has already committed (a record made in an after-commit callback
 * is recorded at once). It is called on every record and must be cheap when none is active.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface TransactionBinding {

    /**
     * The unit of the transaction active on the calling thread, or null when there is none.
     *
     * @param opener opens a new unit on the recorder; call it at most once per transaction
     */
    @Nullable
    ActivityTransaction current(Supplier<ActivityTransaction> opener);
}
