// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** One unit of {@link Transactions}: a list guarded by its own lock, and one of three states. */
final class HeldTransaction implements ActivityTransaction {
    private enum State {
        OPEN,
        COMMITTED,
        DISCARDED
    }

    private final Transactions owner;
    private List<ActivityLog> held = new ArrayList<>();
    private State state = State.OPEN;

    HeldTransaction(Transactions owner) {
        this.owner = owner;
    }

    @Override
    public void record(ActivityLog log) {
        ActivityLog inherited = owner.inherit(Objects.requireNonNull(log, "log"));
        synchronized (this) {
            requireOpen();
            held.add(inherited);
        }
        owner.held(1);
    }

    @Override
    public void record(ActionType action, Consumer<ActivityLog.Builder> details) {
        record(owner.build(action, details));
    }

    @Override
    public synchronized List<ActivityLog> pending() {
        return List.copyOf(held);
    }

    @Override
    public void commit() {
        List<ActivityLog> logs;
        synchronized (this) {
            if (state == State.COMMITTED) {
                return;
            }
            if (state == State.DISCARDED) {
                throw new IllegalStateException("the activity transaction was discarded");
            }
            state = State.COMMITTED;
            logs = take();
        }
        owner.deliver(logs);
    }

    @Override
    public void commitTo(Consumer<List<ActivityLog>> writer) {
        Objects.requireNonNull(writer, "writer");
        // Held under the lock for the writer's call: a concurrent record() must not slip past it.
        synchronized (this) {
            if (state == State.COMMITTED) {
                return;
            }
            if (state == State.DISCARDED) {
                throw new IllegalStateException("the activity transaction was discarded");
            }
            if (!held.isEmpty()) {
                writer.accept(owner.prepared(held));
            }
            state = State.COMMITTED;
            owner.handedOff(held.size());
            held = List.of();
        }
    }

    @Override
    public void discard() {
        List<ActivityLog> logs;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.DISCARDED;
            logs = take();
        }
        owner.discarded(logs.size());
    }

    @Override
    public synchronized boolean isCompleted() {
        return state != State.OPEN;
    }

    @Override
    public void close() {
        discard();
    }

    private List<ActivityLog> take() {
        List<ActivityLog> logs = held;
        held = List.of();
        return logs;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(
                    "the activity transaction was already " + (state == State.COMMITTED ? "committed" : "discarded"));
        }
    }
}
