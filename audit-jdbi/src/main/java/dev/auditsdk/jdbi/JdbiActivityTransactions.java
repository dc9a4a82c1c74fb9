// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

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
    private final HandleUnits units;

    private JdbiActivityTransactions(ActivityRecorder recorder) {
        this.recorder = recorder;
        this.units = new HandleUnits(recorder, ActivityTransaction::commit);
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
        return units.unit(handle);
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
}
