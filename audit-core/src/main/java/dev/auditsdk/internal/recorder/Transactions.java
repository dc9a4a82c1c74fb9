// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.Source;
import dev.auditsdk.spi.TransactionBinding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recorder's transactional units, shared by both recorder modes: opens them, holds application
 * records in the framework's active unit when a {@link TransactionBinding} is set, delivers
 * committed units straight to the recorder (past the binding, so a commit callback that still sees
 * the transaction active cannot hold them again) and counts what is held and discarded.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final @Nullable TransactionBinding binding;
    private final RecordPreparer preparer;
    private final Consumer<List<ActivityLog>> delivery;
    private final LongAdder held = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final AtomicBoolean warnedBinding = new AtomicBoolean();

    Transactions(@Nullable TransactionBinding binding, RecordPreparer preparer, Consumer<List<ActivityLog>> delivery) {
        this.binding = binding;
        this.preparer = preparer;
        this.delivery = delivery;
    }

    ActivityTransaction begin() {
        return new HeldTransaction(this);
    }

    /** True when {@code log} went to the active transaction's unit instead of the recorder. */
    boolean heldInActive(ActivityLog log) {
        if (binding == null || log.source() != Source.APP) {
            return false;
        }
        ActivityTransaction tx = active();
        if (tx == null) {
            return false;
        }
        tx.record(log);
        return true;
    }

    /** The records of {@code logs} the active transaction did not take (all of them when none is active). */
    Collection<ActivityLog> holdInActive(Collection<ActivityLog> logs) {
        if (binding == null) {
            return logs;
        }
        ActivityTransaction tx = null;
        List<ActivityLog> now = new ArrayList<>(logs.size());
        for (ActivityLog log : logs) {
            if (log.source() == Source.APP && (tx != null || (tx = active()) != null)) {
                tx.record(log);
            } else {
                now.add(log);
            }
        }
        return now;
    }

    private @Nullable ActivityTransaction active() {
        try {
            ActivityTransaction tx = binding == null ? null : binding.current(this::begin);
            // A unit completed by a callback that ran before this one: the commit is past, record at once.
            return tx == null || tx.isCompleted() ? null : tx;
        } catch (RuntimeException e) {
            // A broken binding must neither lose the record nor break the caller: record it at once.
            if (warnedBinding.compareAndSet(false, true)) {
                LOG.warn("Audit transaction binding failed; records are written at once instead", e);
            }
            return null;
        }
    }

    ActivityLog inherit(ActivityLog log) {
        return preparer.inherit(log);
    }

    ActivityLog build(ActionType action, Consumer<ActivityLog.Builder> details) {
        return preparer.build(action, details);
    }

    /** Enriched and sanitized copies, as the recorder would prepare them, for a unit committed elsewhere. */
    List<ActivityLog> prepared(List<ActivityLog> logs) {
        List<ActivityLog> out = new ArrayList<>(logs.size());
        for (ActivityLog log : logs) {
            out.add(preparer.prepare(log));
        }
        return Collections.unmodifiableList(out);
    }

    /** Records a unit handed to its own writer (the outbox): no longer held, and not discarded. */
    void handedOff(int n) {
        held.add(-n);
    }

    void held(int n) {
        held.add(n);
    }

    void deliver(List<ActivityLog> logs) {
        held.add(-logs.size());
        if (!logs.isEmpty()) {
            delivery.accept(logs);
        }
    }

    void discarded(int n) {
        held.add(-n);
        discarded.add(n);
        if (n > 0) {
            LOG.debug("{} audit records of a rolled-back transaction discarded", n);
        }
    }

    void addTo(RecorderStats.Builder stats) {
        stats.transactions(held.sum(), discarded.sum());
    }
}
