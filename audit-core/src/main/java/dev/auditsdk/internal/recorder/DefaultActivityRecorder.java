// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityRecordingException;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.internal.checkpoint.Checkpointer;
import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.spi.ActivitySink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecorderMode#ASYNC} and {@link RecorderMode#DURABLE}: callers enqueue (or, DURABLE, append
 * to the journal and wait for its group commit); one writer thread drains batches, chains them and
 * writes them. The writer is never woken per record (a wake-up costs microseconds on the caller):
 * it parks for the linger time and is only unparked when the queue is full or a flush or close asks.
 *
 * <p>With a journal, a batch the sink will not take within the retry budget is spilled to it. While
 * anything waits there, new batches go behind it, so the sink sees chain order: spilled too while
 * the sink is down; kept back in memory, unchained, while the writer replays the journal to a sink
 * that is back, then written directly. Close spills what its deadline leaves.
 */
final class DefaultActivityRecorder implements ActivityRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);
    // A blocked caller wakes at least this often to see whether the recorder closed or the writer parked.
    private static final long WAIT_SLICE_NANOS = 5_000_000;
    // A batch waiting behind the journal is retried this soon when the last replay step found nothing.
    private static final long JOURNAL_WAIT_NANOS = 1_000_000;
    // The most of a close deadline kept for stopping a stuck writer and saving its records.
    private static final long CLOSE_RESERVE_NANOS = 200_000_000;

    private final ActivitySink sink;
    private final RecordPreparer preparer;
    private final Transactions transactions;
    private final ArrayBlockingQueue<ActivityLog> queue;
    private final OverflowPolicy overflow;
    private final boolean durable;
    private final long blockNanos;
    private final LongSupplier ticker;
    private final int batchSize;
    private final long lingerNanos;
    private final Duration closeTimeout;
    private final boolean closeSink;
    private final BatchRetrier retrier;
    private final HashChain chain;
    private final @Nullable Checkpointer checkpointer;
    private final @Nullable JournalSpool spool;
    private final Thread writer;

    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warnedClosed = new AtomicBoolean();
    private volatile boolean abort;
    // Set by close() when it takes the writer's batch: from then on the writer neither writes nor counts it.
    private volatile boolean handedOver;
    private volatile long flushTarget;
    // Written only by the writer thread (and by close once the writer stopped).
    private volatile long written;
    private volatile long failed;
    private volatile long failedBatches;
    private volatile List<ActivityLog> inFlight = List.of();
    private final List<ActivityLog> batch;
    private volatile boolean terminated;
    // True while the writer waits for its linger time; read by callers that find the queue full.
    private volatile boolean writerParked;

    DefaultActivityRecorder(RecorderSettings b) {
        this.sink = b.sink;
        this.preparer = new RecordPreparer(b.clock, b.sanitizer, b.contextInheritance);
        this.transactions = new Transactions(b.transactionBinding, preparer, this::recordNow);
        this.durable = b.mode == RecorderMode.DURABLE;
        this.queue = new ArrayBlockingQueue<>(durable ? 1 : b.queueCapacity);
        this.overflow = b.overflow;
        this.blockNanos = b.blockTimeout.toNanos();
        this.ticker = b.ticker;
        this.batchSize = b.batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.lingerNanos = b.linger.toNanos();
        this.closeTimeout = b.closeTimeout;
        this.closeSink = b.closeSink;
        this.retrier = new BatchRetrier(sink, b.maxAttempts, b.initialBackoff, b.maxBackoff, () -> abort);
        this.chain = HashChain.start();
        // The journal first: a directory in use fails build() before anything else has started.
        Journal journal = b.journalDir == null ? null : Journal.open(b.journalDir, b.journalMaxBytes);
        this.checkpointer = b.checkpoints == null ? null : Checkpointer.start(b.checkpoints, chain);
        this.spool = journal == null ? null : new JournalSpool(journal, chain, retrier, b);
        this.writer = new Thread(this::runWriter, b.threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(ActivityLog log) {
        Objects.requireNonNull(log, "log");
        if (transactions.heldInActive(log) || refusedClosed(1)) {
            return;
        }
        ActivityLog prepared = prepare(log);
        if (prepared == null) {
            return;
        }
        if (durable) {
            recordDurably(List.of(prepared));
        } else if (queue.offer(prepared)) {
            enqueued.increment();
        } else {
            overflow(List.of(prepared));
        }
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
        if (logs.isEmpty() || refusedClosed(logs.size())) {
            return;
        }
        List<ActivityLog> prepared = new ArrayList<>(logs.size());
        for (ActivityLog log : logs) {
            ActivityLog p = prepare(log);
            if (p != null) {
                prepared.add(p);
            }
        }
        if (prepared.isEmpty()) {
            return;
        }
        if (durable) {
            recordDurably(prepared);
            return;
        }
        int i = 0;
        while (i < prepared.size() && queue.offer(prepared.get(i))) {
            i++;
        }
        enqueued.add(i);
        if (i < prepared.size()) {
            overflow(prepared.subList(i, prepared.size()));
        } else if (writerParked && queue.size() >= batchSize) {
            LockSupport.unpark(writer); // a full batch is waiting: no reason to linger
        }
    }

    /** Counts a record handed to a closed recorder; DURABLE callers get an exception. */
    private boolean refusedClosed(int n) {
        if (!closed.get()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            drop("the recorder is closed");
        }
        if (durable) {
            throw new ActivityRecordingException("the recorder is closed", new IllegalStateException("closed"));
        }
        return true;
    }

    private @Nullable ActivityLog prepare(ActivityLog log) {
        try {
            return preparer.prepare(log);
        } catch (RuntimeException e) {
            retrier.noteError(e);
            drop("it could not be sanitized: " + e);
            return null;
        }
    }

    /** Records the queue had no room for: the overflow policy decides, with one deadline for all of them. */
    private void overflow(List<ActivityLog> logs) {
        // Under overload every caller lands here; waking a writer that is already busy costs each
        // of them a system call, so only a parked writer is woken.
        if (writerParked) {
            LockSupport.unpark(writer);
        }
        if (overflow == OverflowPolicy.SPILL && spool != null) {
            (spool.spillFromCaller(logs) ? enqueued : dropped).add(logs.size());
            return;
        }
        if (overflow != OverflowPolicy.BLOCK || blockNanos == 0) {
            dropped.add(logs.size());
            return;
        }
        // One deadline for the whole call: each wake-up waits only for what is left of it.
        long deadline = ticker.getAsLong() + blockNanos;
        for (ActivityLog log : logs) {
            (offerUntil(log, deadline) ? enqueued : dropped).increment();
        }
    }

    private boolean offerUntil(ActivityLog log, long deadline) {
        try {
            for (long left = deadline - ticker.getAsLong(); left > 0; left = deadline - ticker.getAsLong()) {
                if (queue.offer(log, Math.min(left, WAIT_SLICE_NANOS), TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (closed.get()) {
                    return false;
                }
                if (writerParked) {
                    LockSupport.unpark(writer);
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void recordDurably(List<ActivityLog> logs) {
        try {
            Objects.requireNonNull(spool).appendDurably(logs, overflow == OverflowPolicy.BLOCK ? blockNanos : 0);
            enqueued.add(logs.size());
        } catch (IOException | IllegalStateException e) {
            dropped.add(logs.size());
            retrier.noteError(e);
            throw new ActivityRecordingException(
                    logs.size() == 1
                            ? "audit record " + logs.get(0).id() + " not journaled"
                            : logs.size() + " audit records not journaled",
                    e);
        }
    }

    private void drop(String why) {
        dropped.increment();
        if (warnedClosed.compareAndSet(false, true)) {
            LOG.warn("Audit record dropped because {}; further drops are counted in stats().dropped()", why);
        }
    }

    @Override
    public void record(ActionType action, Consumer<ActivityLog.Builder> details) {
        record(preparer.build(action, details));
    }

    @Override
    public boolean flush(Duration timeout) {
        long target = enqueued.sum();
        synchronized (this) {
            flushTarget = Math.max(flushTarget, target);
        }
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + timeout.toNanos();
        long journalTarget = -1;
        while (true) {
            if (journalTarget < 0 && accounted() >= target) {
                journalTarget = spool == null ? 0 : spool.journal().endOffset();
            }
            if (journalTarget >= 0 && (spool == null || spool.journal().committedOffset() >= journalTarget)) {
                return true;
            }
            if (!writer.isAlive() || System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Records of this recorder that left the queue for good: written, given up, spilled or set aside. */
    private long accounted() {
        return written + failed + (spool == null ? 0 : spool.spilled() + spool.quarantined());
    }

    @Override
    public RecorderStats stats() {
        ActivityLog head = queue.peek();
        Duration age = head == null
                ? Duration.ZERO
                : Duration.between(head.occurredAt(), preparer.clock().instant());
        RecorderStats.Builder stats = RecorderStats.builder()
                .counts(enqueued.sum(), written, dropped.sum(), failed)
                .retries(retrier.retried(), failedBatches, retrier.lastError())
                .queue(queue.size(), age.isNegative() ? Duration.ZERO : age);
        if (spool != null) {
            spool.addJournal(stats, preparer.clock().instant());
        }
        transactions.addTo(stats);
        return stats.build();
    }

    @Override
    public void close() {
        close(closeTimeout);
    }

    @Override
    public synchronized RecorderStats close(Duration deadline) {
        if (terminated) {
            return stats();
        }
        closed.set(true);
        LockSupport.unpark(writer);
        long end = ticker.getAsLong() + deadline.toNanos();
        // The writer drains until shortly before the deadline; the rest of it is kept for stopping a
        // writer stuck in the sink and saving what it holds.
        long reserve = Math.min(deadline.toNanos() / 5, CLOSE_RESERVE_NANOS);
        try {
            joinWriterUntil(end - reserve);
            if (writer.isAlive()) {
                abort = true;
                writer.interrupt();
                joinWriterUntil(end - reserve / 2);
            }
        } catch (InterruptedException e) {
            abort = true;
            Thread.currentThread().interrupt();
        }
        boolean stuck = writer.isAlive();
        List<ActivityLog> left = new ArrayList<>();
        synchronized (batch) {
            // From now on the writer leaves its batch alone. Stuck in the sink: journal a copy of the
            // chained batch (if the sink finishes after all, replay is idempotent); otherwise take
            // what the writer drained but did not write.
            handedOver = true;
            left.addAll(inFlight.isEmpty() ? batch : inFlight);
        }
        queue.drainTo(left);
        if (!left.isEmpty()) {
            if (spool != null && spool.spill(left)) {
                LOG.warn(
                        "Audit recorder closing: {} records not written by the deadline were saved in the journal",
                        left.size());
            } else {
                failed += left.size();
            }
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        RecorderStats stats = stats();
        if (stats.failed() > 0 || stats.dropped() > 0) {
            LOG.error(
                    "Audit recorder closed: {} records could not be written and {} were dropped (last error: {})",
                    stats.failed(),
                    stats.dropped(),
                    stats.lastError().orElse("none"));
        }
        if (spool != null) {
            spool.journal().close();
        }
        if (closeSink) {
            if (stuck) {
                // The writer is still inside the sink: closing it may wait for that call, so not here.
                Thread closer = new Thread(this::closeSink, writer.getName() + "-sink-close");
                closer.setDaemon(true);
                closer.start();
            } else {
                closeSink();
            }
        }
        terminated = true;
        return stats;
    }

    private void joinWriterUntil(long end) throws InterruptedException {
        for (long left = end - ticker.getAsLong(); left > 0 && writer.isAlive(); left = end - ticker.getAsLong()) {
            TimeUnit.NANOSECONDS.timedJoin(writer, Math.min(left, WAIT_SLICE_NANOS));
        }
    }

    private void closeSink() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the audit sink failed", e);
        }
    }

    private void runWriter() {
        long firstAt = 0;
        long loggedDrops = 0;
        long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL.toNanos();
        while (!abort) {
            if (batch.size() < batchSize) {
                synchronized (batch) {
                    queue.drainTo(batch, batchSize - batch.size());
                }
            }
            long now = System.nanoTime();
            long drops = dropped.sum();
            if (drops > loggedDrops && now - lastDropLog >= DROP_LOG_INTERVAL.toNanos()) {
                LOG.warn(
                        "Audit queue overflow: {} records dropped so far (queue capacity {})",
                        drops,
                        queue.remainingCapacity() + queue.size());
                loggedDrops = drops;
                lastDropLog = now;
            }
            boolean replayed = spool != null && spool.replayStep();
            if (checkpointer != null) {
                checkpointer.tick(false);
            }
            if (batch.isEmpty()) {
                if (closed.get() && queue.isEmpty() && (spool == null || !spool.pending() || spool.failing())) {
                    return;
                }
                if (!replayed) {
                    park(lingerNanos);
                }
                continue;
            }
            if (firstAt == 0) {
                firstAt = now;
            }
            boolean due = batch.size() >= batchSize
                    || closed.get()
                    || accounted() < flushTarget
                    || now - firstAt >= lingerNanos;
            if (!due) {
                if (!replayed) {
                    park(lingerNanos - (now - firstAt));
                }
                continue;
            }
            if (writeBatch()) {
                synchronized (batch) {
                    batch.clear();
                }
                firstAt = 0;
            } else if (!replayed) {
                park(JOURNAL_WAIT_NANOS);
            }
        }
    }

    /**
     * Writes the batch, or spills it behind the journal while the sink is down. While the journal
     * replays to a healthy sink the batch waits, unchained, so the writer returns to the direct
     * path as soon as the journal drained instead of feeding it forever. Taking the batch and
     * accounting for it happen under the batch's lock, so a batch is either the writer's or
     * {@link #close}'s, never both.
     *
     * @return false when the batch must wait (for the journal to drain, or because close took it)
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer: only the writer thread updates; volatile publishes
    private boolean writeBatch() {
        List<ActivityLog> linked;
        synchronized (batch) {
            if (handedOver) {
                return false;
            }
            linked = spool == null ? linkAll(batch) : spool.linkIfDrained(batch);
            if (linked == null) {
                if (!Objects.requireNonNull(spool).failing()) {
                    return false;
                }
                // Chained by the journal as it appends, so journal order stays chain order.
                if (!spool.spill(List.copyOf(batch))) {
                    failed += batch.size();
                    failedBatches++;
                }
                batch.clear();
                return true;
            }
            inFlight = linked;
        }
        BatchRetrier.Outcome outcome = retrier.write(linked);
        synchronized (batch) {
            if (handedOver) {
                return true; // close() took this batch while the sink held it
            }
            inFlight = List.of();
            batch.clear();
        }
        written += outcome.written();
        if (!outcome.poison().isEmpty() && (spool == null || !spool.quarantine(outcome.poison()))) {
            failed += outcome.poison().size();
        }
        if (!outcome.failed().isEmpty()) {
            giveUp(outcome);
        }
        return true;
    }

    /** Saves a batch the sink would not take in the journal, or counts and logs it as lost. */
    @SuppressWarnings("NonAtomicVolatileUpdate") // only the writer thread; close() counts only batches handed to it
    private void giveUp(BatchRetrier.Outcome outcome) {
        int n = outcome.failed().size();
        if (spool != null && spool.spill(outcome.failed())) {
            LOG.warn(
                    "Audit batch of {} records spilled to the journal after {} attempts; it is replayed when the sink"
                            + " recovers: {}",
                    n,
                    outcome.attempts(),
                    retrier.lastError());
            return;
        }
        // Logged before it is counted: flush() returns once the count moved, and the loss must be in the log by then.
        LOG.error(
                "Audit batch of {} records lost after {} attempts{}: {}",
                n,
                outcome.attempts(),
                spool == null ? " (no journal configured)" : " (the journal could not take it)",
                retrier.lastError());
        failedBatches++;
        failed += n;
    }

    private List<ActivityLog> linkAll(List<ActivityLog> logs) {
        List<ActivityLog> linked = new ArrayList<>(logs.size());
        for (ActivityLog log : logs) {
            linked.add(chain.link(log));
        }
        return Collections.unmodifiableList(linked);
    }

    private void park(long nanos) {
        writerParked = true;
        try {
            LockSupport.parkNanos(this, nanos);
        } finally {
            writerParked = false;
        }
    }
}
