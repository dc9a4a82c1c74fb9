package dev.auditsdk;

import dev.auditsdk.integrity.Checkpointer;
import dev.auditsdk.integrity.HashChain;
import dev.auditsdk.internal.Journal;
import dev.auditsdk.spi.ActivitySink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecorderMode#ASYNC} and {@link RecorderMode#DURABLE}: callers enqueue (or, DURABLE, append
 * to the journal and wait for its group commit); one writer thread drains batches, chains them and
 * writes them. The writer is never woken per record (a wake-up costs microseconds on the caller):
 * it parks for the linger time and is only unparked when the queue is full or a flush or close asks.
 *
 * <p>With a journal, a batch the sink will not take within the retry budget is spilled to it, and
 * while anything waits there new batches are spilled behind it, so the sink sees journal order; the
 * writer replays the journal whenever the sink is healthy. Close spills what its deadline leaves.
 */
final class DefaultActivityRecorder implements ActivityRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);

    private final ActivitySink sink;
    private final RecordPreparer preparer;
    private final ArrayBlockingQueue<ActivityLog> queue;
    private final OverflowPolicy overflow;
    private final boolean durable;
    private final long blockNanos;
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
    private volatile long flushTarget;
    // Written only by the writer thread (and by close once the writer stopped).
    private volatile long written;
    private volatile long failed;
    private volatile List<ActivityLog> inFlight = List.of();
    private final List<ActivityLog> batch;
    private volatile boolean terminated;
    // True while the writer waits for its linger time; read by callers that find the queue full.
    private volatile boolean writerParked;

    DefaultActivityRecorder(ActivityRecorder.Builder b) {
        this.sink = Objects.requireNonNull(b.sink);
        this.preparer = new RecordPreparer(b.clock, b.sanitizer);
        this.durable = b.mode == RecorderMode.DURABLE;
        this.queue = new ArrayBlockingQueue<>(durable ? 1 : b.queueCapacity);
        this.overflow = b.overflow;
        this.blockNanos = b.blockTimeout.toNanos();
        this.batchSize = b.batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.lingerNanos = b.linger.toNanos();
        this.closeTimeout = b.closeTimeout;
        this.closeSink = b.closeSink;
        this.retrier = new BatchRetrier(sink, b.maxAttempts, b.initialBackoff, b.maxBackoff, () -> abort);
        this.chain = HashChain.start();
        this.checkpointer = b.checkpoints == null ? null : b.checkpoints.start(chain);
        Journal journal = b.journalDir == null ? null : Journal.open(b.journalDir, b.journalMaxBytes);
        this.spool = journal == null ? null : new JournalSpool(journal, chain, retrier, b);
        this.writer = new Thread(this::runWriter, b.threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(ActivityLog log) {
        Objects.requireNonNull(log, "log");
        if (closed.get()) {
            drop("the recorder is closed");
            if (durable) {
                throw new ActivityRecordingException("the recorder is closed", new IllegalStateException("closed"));
            }
            return;
        }
        ActivityLog prepared;
        try {
            prepared = preparer.prepare(log);
        } catch (RuntimeException e) {
            retrier.noteError(e);
            drop("it could not be sanitized: " + e);
            return;
        }
        if (durable) {
            recordDurably(prepared);
        } else if (queue.offer(prepared) || offerBlocking(prepared)) {
            enqueued.increment();
        } else {
            dropped.increment();
        }
    }

    private boolean offerBlocking(ActivityLog log) {
        // Under overload every caller lands here; waking a writer that is already busy costs each
        // of them a system call, so only a parked writer is woken.
        if (writerParked) {
            LockSupport.unpark(writer);
        }
        if (overflow == OverflowPolicy.SPILL && spool != null) {
            return spool.spillFromCaller(log);
        }
        if (overflow != OverflowPolicy.BLOCK || blockNanos == 0) {
            return false;
        }
        try {
            return queue.offer(log, blockNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void recordDurably(ActivityLog log) {
        try {
            Objects.requireNonNull(spool).appendDurably(log, overflow == OverflowPolicy.BLOCK ? blockNanos : 0);
            enqueued.increment();
        } catch (IOException | IllegalStateException e) {
            dropped.increment();
            retrier.noteError(e);
            throw new ActivityRecordingException("audit record " + log.id() + " not journaled", e);
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
        RecorderStats base = new RecorderStats(
                enqueued.sum(),
                written,
                dropped.sum(),
                failed,
                retrier.retried(),
                retrier.failedBatches(),
                queue.size(),
                age.isNegative() ? Duration.ZERO : age,
                Optional.ofNullable(retrier.lastError()));
        return spool == null ? base : spool.withJournal(base, preparer.clock().instant());
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
        try {
            writer.join(Math.max(1, deadline.toMillis()));
            if (writer.isAlive()) {
                abort = true;
                writer.interrupt();
                writer.join(1000);
            }
        } catch (InterruptedException e) {
            abort = true;
            Thread.currentThread().interrupt();
        }
        List<ActivityLog> left = new ArrayList<>();
        if (writer.isAlive()) {
            // Stuck in the sink: journal a copy of its batch; if the sink finishes after all, replay is idempotent.
            left.addAll(inFlight);
        } else {
            left.addAll(batch);
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
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the audit sink failed", e);
            }
        }
        terminated = true;
        return stats;
    }

    private void runWriter() {
        long firstAt = 0;
        long loggedDrops = 0;
        long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL.toNanos();
        while (!abort) {
            if (batch.size() < batchSize) {
                queue.drainTo(batch, batchSize - batch.size());
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
            writeBatch();
            batch.clear();
            firstAt = 0;
        }
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // single writer: only the writer thread updates; volatile publishes
    private void writeBatch() {
        for (int i = 0; i < batch.size(); i++) {
            batch.set(i, chain.link(batch.get(i)));
        }
        List<ActivityLog> linked = List.copyOf(batch);
        inFlight = linked;
        if (spool != null && spool.pending()) {
            if (!spool.spill(linked)) {
                failed += linked.size();
            }
            inFlight = List.of();
            return;
        }
        BatchRetrier.Outcome outcome = retrier.write(linked);
        written += outcome.written();
        if (!outcome.poison().isEmpty() && (spool == null || !spool.quarantine(outcome.poison()))) {
            failed += outcome.poison().size();
        }
        if (!outcome.failed().isEmpty() && (spool == null || !spool.spill(outcome.failed()))) {
            failed += outcome.failed().size();
        }
        inFlight = List.of();
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
