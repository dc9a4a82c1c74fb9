// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Cleanable;
import org.jspecify.annotations.Nullable;

/**
 * One {@link ActivityTransaction} per Jdbi handle's open transaction, ended with it: discarded on
 * rollback (or when the handle is closed mid-transaction), handed to {@code onCommit} after a commit.
 * Shared by {@link JdbiActivityTransactions} and {@link JdbiOutbox}, which differ only in what a
 * commit does with the unit.
 */
final class HandleUnits {
    private final ActivityRecorder recorder;
    private final Consumer<ActivityTransaction> onCommit;
    private final Map<Handle, ActivityTransaction> units = new ConcurrentHashMap<>();

    HandleUnits(ActivityRecorder recorder, Consumer<ActivityTransaction> onCommit) {
        this.recorder = recorder;
        this.onCommit = onCommit;
    }

    /** The unit of {@code handle}'s current transaction, opened on first use. */
    ActivityTransaction unit(Handle handle) {
        return units.computeIfAbsent(handle, this::open);
    }

    /** The unit of {@code handle}'s current transaction, if one was opened. */
    @Nullable
    ActivityTransaction existing(Handle handle) {
        return units.get(handle);
    }

    private ActivityTransaction open(Handle handle) {
        ActivityTransaction tx = recorder.beginTransaction();
        // A handle closed in the middle of a transaction is rolled back by the database.
        Cleanable abandoned = () -> end(handle, tx, false);
        handle.addCleanable(abandoned);
        handle.afterCommit(() -> {
            handle.removeCleanable(abandoned);
            end(handle, tx, true);
        });
        handle.afterRollback(() -> {
            // Not kept for the handle's lifetime: a long-lived handle runs many transactions.
            handle.removeCleanable(abandoned);
            end(handle, tx, false);
        });
        return tx;
    }

    private void end(Handle handle, ActivityTransaction tx, boolean committed) {
        units.remove(handle, tx);
        if (committed) {
            onCommit.accept(tx);
        } else {
            tx.discard();
        }
    }
}
