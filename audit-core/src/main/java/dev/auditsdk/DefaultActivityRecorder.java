package dev.auditsdk;

import dev.auditsdk.spi.ActivitySink;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecorderMode#ASYNC}: callers enqueue; one writer thread drains batches. The writer is
 * never woken per record (a wake-up costs microseconds on the caller): it parks for the linger
 * time and is only unparked when the queue is full or a flush or close asks for it.
 */
final class DefaultActivityRecorder implements ActivityRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofSeconds(10);

    private final ActivitySink sink;
    private final RecordPreparer preparer;
    private final ArrayBlockingQueue<ActivityLog> queue;
    private final OverflowPolicy overflow;
    private final long blockNanos;
    private final int batchSize;
    private final long lingerNanos;
    private final Duration closeTimeout;
    private final boolean closeSink;
    private final BatchRetrier retrier;
    private final Thread writer;

    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warnedClosed = new AtomicBoolean();
    private volatile boolean abort;
    private volatile long flushTarget;
    // Written only by the writer thread.
    private volatile long written;
    private volatile long failed;
    private volatile boolean terminated;

    DefaultActivityRecorder(ActivityRecorder.Builder b) {
        this.sink = Objects.requireNonNull(b.sink);
        this.preparer = new RecordPreparer(b.clock, b.sanitizer);
        this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
        this.overflow = b.overflow;
        this.blockNanos = b.blockTimeout.toNanos();
        this.batchSize = b.batchSize;
        this.lingerNanos = b.linger.toNanos();
        this.closeTimeout = b.closeTimeout;
        this.closeSink = b.closeSink;
        this.retrier = new BatchRetrier(sink, b.maxAttempts, b.initialBackoff, b.maxBackoff, () -> abort);
        this.writer = new Thread(this::runWriter, b.threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(ActivityLog log) {
        Objects.requireNonNull(log, "log");
        if (closed.get()) {
            drop("the recorder is closed");
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
        if (queue.offer(prepared) || offerBlocking(prepared)) {
            enqueued.increment();
        } else {
            dropped.increment();
        }
    }

    private boolean offerBlocking(ActivityLog log) {
        LockSupport.unpark(writer);
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
        while (processed() < target) {
            if (!writer.isAlive() || System.nanoTime() - deadline >= 0) {
                return processed() >= target;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    private long processed() {
        return written + failed;
    }

    @Override
    public RecorderStats stats() {
        ActivityLog head = queue.peek();
        Duration age = head == null ? Duration.ZERO : Duration.between(head.occurredAt(), preparer.clock().instant());
        return new RecorderStats(enqueued.sum(), written, dropped.sum(), failed, retrier.retried(),
                retrier.failedBatches(), queue.size(), age.isNegative() ? Duration.ZERO : age,
                Optional.ofNullable(retrier.lastError()));
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
        queue.drainTo(left);
        if (!left.isEmpty()) {
            failed += left.size();
        }
        RecorderStats stats = stats();
        if (stats.failed() > 0 || stats.dropped() > 0) {
            LOG.error("Audit recorder closed: {} records could not be written and {} were dropped (last error: {})",
                    stats.failed(), stats.dropped(), stats.lastError().orElse("none"));
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
        List<ActivityLog> batch = new ArrayList<>(batchSize);
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
                LOG.warn("Audit queue overflow: {} records dropped so far (queue capacity {})", drops,
                        queue.remainingCapacity() + queue.size());
                loggedDrops = drops;
                lastDropLog = now;
            }
            if (batch.isEmpty()) {
                if (closed.get() && queue.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(this, lingerNanos);
                continue;
            }
            if (firstAt == 0) {
                firstAt = now;
            }
            boolean due = batch.size() >= batchSize || closed.get() || processed() < flushTarget
                    || now - firstAt >= lingerNanos;
            if (!due) {
                LockSupport.parkNanos(this, lingerNanos - (now - firstAt));
                continue;
            }
            if (retrier.write(batch)) {
                written += batch.size();
            } else {
                failed += batch.size();
            }
            batch.clear();
            firstAt = 0;
        }
        failed += batch.size();
    }
}
