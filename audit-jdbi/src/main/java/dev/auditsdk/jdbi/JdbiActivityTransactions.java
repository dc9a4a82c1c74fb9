// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Cleanable;

/**
 * Binds records to a Jdbi {@link Handle}'s transaction: recorded when it commits, discarded (and
 * counted in {@code stats().discarded()}) when it rolls back or the handle closes without
 * committing. Outside a transaction a record is recorded at once.
 *
 * <pre>{@code
 * JdbiActivityTransactions audit = JdbiActivityTransactions.of(recorder);
 * jdbi.useTransaction(handle -> {
 *     handle.execute("UPDATE post SET title = ? WHERE id = ?", title, 42);
 *     audit.record(handle, ActionType.UPDATE, b -> b.actor("alice").target("Post", 42));
 * });
 * }</pre>
 *
 * The handle's transaction may write to another database than the audit store: the record waits
 * for the commit either way. Thread-safe; keep one per recorder.
 *
 * @since 0.2
 */
public final class JdbiActivityTransactions {
    private final ActivityRecorder recorder;
    // Handles do not override equals: identity keys, removed when their transaction ends.
    private final Map<Handle, ActivityTransaction> units = new ConcurrentHashMap<>();

    private JdbiActivityTransactions(ActivityRecorder recorder) {
        this.recorder = recorder;
    }

    /** Binding for {@code recorder}'s records. */
    public static JdbiActivityTransactions of(ActivityRecorder recorder) {
        return new JdbiActivityTransactions(Objects.requireNonNull(recorder, "recorder"));
    }

    /**
     * The unit of {@code handle}'s current transaction, opened on first use.
     *
     * @throws IllegalStateException if the handle is not in a transaction
     */
    public ActivityTransaction unit(Handle handle) {
        if (!Objects.requireNonNull(handle, "handle").isInTransaction()) {
            throw new IllegalStateException(
                    "the handle is not in a transaction: use record(handle, ...) or the recorder itself");
        }
        return units.computeIfAbsent(handle, this::open);
    }

    /** Holds {@code log} until {@code handle}'s transaction commits; records it at once when there is none. */
    public void record(Handle handle, ActivityLog log) {
        Objects.requireNonNull(log, "log");
        if (Objects.requireNonNull(handle, "handle").isInTransaction()) {
            unit(handle).record(log);
        } else {
            recorder.record(log);
        }
    }

    /** The one-line form of {@link #record(Handle, ActivityLog)}. */
    public void record(Handle handle, ActionType action, Consumer<ActivityLog.Builder> details) {
        if (Objects.requireNonNull(handle, "handle").isInTransaction()) {
            unit(handle).record(action, details);
        } else {
            recorder.record(action, details);
        }
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
            tx.commit();
        } else {
            tx.discard();
        }
    }
}
