package dev.auditsdk;

import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link RecorderMode#SYNC}: the caller writes each record itself and sees the failure. */
final class SyncActivityRecorder implements ActivityRecorder {
    private final ActivitySink sink;
    private final RecordPreparer preparer;
    private final boolean closeSink;
    private final HashChain chain = HashChain.start();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile @Nullable String lastError;

    SyncActivityRecorder(ActivityRecorder.Builder b) {
        this.sink = Objects.requireNonNull(b.sink);
        this.preparer = new RecordPreparer(b.clock, b.sanitizer);
        this.closeSink = b.closeSink;
    }

    @Override
    public void record(ActivityLog log) {
        Objects.requireNonNull(log, "log");
        if (closed.get()) {
            dropped.incrementAndGet();
            throw new IllegalStateException("recorder is closed");
        }
        ActivityLog prepared = chain.link(preparer.prepare(log));
        enqueued.incrementAndGet();
        try {
            sink.append(List.of(prepared));
            written.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            lastError = e.getClass().getName() + ": " + e.getMessage();
            throw new ActivityRecordingException("could not write activity " + prepared.id(), e);
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
        return new RecorderStats(
                enqueued.get(),
                written.get(),
                dropped.get(),
                failed.get(),
                0,
                0,
                0,
                Duration.ZERO,
                Optional.ofNullable(lastError));
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
