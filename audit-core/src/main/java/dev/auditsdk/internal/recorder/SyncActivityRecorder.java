// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityRecordingException;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link RecorderMode#SYNC}: the caller writes each record itself and sees the failure. */
final class SyncActivityRecorder implements ActivityRecorder {
    private final ActivitySink sink;
    private final RecordPreparer preparer;
    private final Transactions transactions;
    private final boolean closeSink;
    private final HashChain chain = HashChain.start();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile @Nullable String lastError;

    SyncActivityRecorder(RecorderSettings b) {
        this.sink = b.sink;
        this.preparer = new RecordPreparer(b.clock, b.sanitizer, b.contextInheritance);
        this.transactions = new Transactions(b.transactionBinding, preparer, this::recordNow);
        this.closeSink = b.closeSink;
    }

    @Override
    public void record(ActivityLog log) {
        recordAll(List.of(Objects.requireNonNull(log, "log")));
    }

    @Override
    public void recordAll(Collection<ActivityLog> logs) {
        for (ActivityLog log : Objects.requireNonNull(logs, "logs")) {
            Objects.requireNonNull(log, "an element of logs");
        }
        recordNow(transactions.holdInActive(logs));
    }

    @Override
    public ActivityTransaction beginTransaction() {
        return transactions.begin();
    }

    /** {@link #recordAll} past the transaction binding: for committed units and records not held. */
    private void recordNow(Collection<ActivityLog> logs) {
        if (logs.isEmpty()) {
            return;
        }
        if (closed.get()) {
            dropped.addAndGet(logs.size());
            throw new IllegalStateException("recorder is closed");
        }
        List<ActivityLog> prepared = new ArrayList<>(logs.size());
        for (ActivityLog log : logs) {
            prepared.add(preparer.prepare(log));
        }
        List<ActivityLog> linked = new ArrayList<>(prepared.size());
        for (ActivityLog log : prepared) {
            linked.add(chain.link(log));
        }
        enqueued.addAndGet(linked.size());
        try {
            sink.append(Collections.unmodifiableList(linked));
            written.addAndGet(linked.size());
        } catch (RuntimeException e) {
            failed.addAndGet(linked.size());
            lastError = e.getClass().getName() + ": " + e.getMessage();
            throw new ActivityRecordingException(
                    linked.size() == 1
                            ? "could not write activity " + linked.get(0).id()
                            : "could not write " + linked.size() + " activities",
                    e);
        }
    }

    @Override
    public void record(ActionType action, Consumer<ActivityLog.Builder> details) {
        record(preparer.build(action, details));
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public RecorderStats stats() {
        RecorderStats.Builder stats = RecorderStats.builder()
                .counts(enqueued.get(), written.get(), dropped.get(), failed.get())
                .retries(0, 0, lastError);
        transactions.addTo(stats);
        return stats.build();
    }

    @Override
    public RecorderStats close(Duration deadline) {
        if (closed.compareAndSet(false, true) && closeSink) {
            sink.close();
        }
        return stats();
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
