// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder's durable local journal: append-only segment files of {@link JournalCodec} lines,
 * named by the logical offset of their first byte ({@code 00000000000000123456.jnl}). Any thread
 * may append; one thread (the recorder's writer) reads, and commits what the sink accepted, which
 * deletes fully consumed segments. Appends are made durable by {@link #sync} as a group commit:
 * while one thread forces the file, others append, and the next force covers all of them.
 *
 * <p>Existing segments are never appended to after a restart: a new process starts a new segment,
 * so a torn tail left by a crash stays where it is, is reported and skipped when replayed.
 */
final class Journal implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger("dev.auditsdk.ActivityRecorder");
    static final String SUFFIX = ".jnl";
    private static final String POSITION = "replayed.position";

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final Object appendLock = new Object();
    private final Object syncLock = new Object();
    private final AtomicLong synced = new AtomicLong();
    private final JournalReader reader;
    // Guarded by appendLock; volatile for readers of the stats.
    private @Nullable FileChannel active;
    private volatile long activeStart = -1;
    private volatile long end;
    private volatile long committed;
    private volatile @Nullable Instant oldestPending;

    private Journal(Path dir, long maxBytes, long segmentBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        JournalFiles.ownerOnly(dir, "rwx------");
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = lock(lockChannel, dir);
        segments.putAll(JournalFiles.segments(dir));
        Map.Entry<Long, Path> last = segments.lastEntry();
        this.end = last == null ? 0 : last.getKey() + Files.size(last.getValue());
        this.committed = replayedUpTo(segments.isEmpty() ? end : segments.firstKey(), end);
        this.synced.set(end);
        this.reader = new JournalReader(this, committed);
        // Segments an earlier run replayed completely but had not yet deleted.
        for (Map.Entry<Long, Path> e : Map.copyOf(segments).entrySet()) {
            Long next = segments.higherKey(e.getKey());
            if ((next != null ? next : end) <= committed) {
                deleteSegment(e.getKey(), e.getValue());
            }
        }
    }

    /** Takes the directory's lock, or names the directory in use: by this process or by another one. */
    private static FileLock lock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException(
                    "the audit journal " + dir + " is already in use by another recorder in this process", e);
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the audit journal " + dir + " is in use by another process");
        }
        return lock;
    }

    private long replayedUpTo(long first, long last) {
        // An optimization only: if the position file is lost or stale, replay repeats idempotently.
        try {
            long pos = Long.parseLong(Files.readString(dir.resolve(POSITION)).trim());
            return pos >= first && pos <= last ? pos : first;
        } catch (IOException | NumberFormatException e) {
            return first;
        }
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}, taking an exclusive file lock on it.
     *
     * @param maxBytes the most the journal may hold unreplayed; appends beyond it are refused (one
     *     consumed segment of at most {@code maxBytes / 8}, up to 16 MiB, may stay on disk besides)
     * @throws IllegalStateException if another recorder holds the directory
     * @throws UncheckedIOException if the directory cannot be used
     */
    static Journal open(Path dir, long maxBytes) {
        try {
            return new Journal(dir, maxBytes, Math.max(64 * 1024, Math.min(16L << 20, maxBytes / 8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal " + dir, e);
        }
    }

    /** Thrown by {@link #append} when the journal holds its maximum size. */
    static final class FullException extends IOException {
        private static final long serialVersionUID = 1L;

        FullException(String message) {
            super(message);
        }
    }

    /**
     * Appends records, each passed through {@code link} under the append lock (so chain order is
     * journal order), without forcing them to disk.
     *
     * @return the offset after the last appended byte, to pass to {@link #sync}
     * @throws FullException when the journal already holds {@code maxBytes}; nothing was appended
     */
    long append(List<ActivityLog> logs, UnaryOperator<ActivityLog> link) throws IOException {
        synchronized (appendLock) {
            if (end - committed >= maxBytes) {
                throw new FullException("the audit journal is full (" + (end - committed) + " bytes)");
            }
            byte[][] lines = new byte[logs.size()][];
            int total = 0;
            for (int i = 0; i < lines.length; i++) {
                lines[i] = JournalCodec.encode(link.apply(logs.get(i)));
                total += lines[i].length;
            }
            ByteBuffer buf = ByteBuffer.allocate(total);
            for (byte[] line : lines) {
                buf.put(line);
            }
            buf.flip();
            uninterrupted(() -> {
                FileChannel ch = activeChannel();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            });
            if (end == committed && !logs.isEmpty()) {
                oldestPending = logs.get(0).occurredAt();
            }
            end += total;
            return end;
        }
    }

    /**
     * Links {@code logs} when nothing waits in the journal, atomically with {@link #append}: a record
     * spilled meanwhile is linked either before this check (and this returns null) or after these
     * records, so the direct path never overtakes an earlier link waiting here.
     *
     * @return the linked records, or null when records wait to be replayed
     */
    @Nullable
    List<ActivityLog> linkIfEmpty(List<ActivityLog> logs, UnaryOperator<ActivityLog> link) {
        synchronized (appendLock) {
            if (end > committed) {
                return null;
            }
            List<ActivityLog> linked = new ArrayList<>(logs.size());
            for (ActivityLog log : logs) {
                linked.add(link.apply(log));
            }
            return Collections.unmodifiableList(linked);
        }
    }

    private FileChannel activeChannel() throws IOException {
        FileChannel ch = active;
        if (ch != null && end - activeStart < segmentBytes) {
            return ch;
        }
        if (ch != null) {
            ch.force(false);
            synced.accumulateAndGet(end, Math::max);
            ch.close();
        }
        Path path = dir.resolve(String.format("%020d%s", end, SUFFIX));
        ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        JournalFiles.ownerOnly(path, "rw-------");
        JournalFiles.forceDirectory(dir);
        segments.put(end, path);
        active = ch;
        activeStart = end;
        return ch;
    }

    /** Forces everything appended up to {@code offset} to disk; one force serves every waiting thread. */
    void sync(long offset) throws IOException {
        if (synced.get() >= offset) {
            return;
        }
        synchronized (syncLock) {
            if (synced.get() >= offset) {
                return;
            }
            FileChannel ch;
            long upto;
            synchronized (appendLock) {
                ch = active;
                upto = end;
            }
            if (ch != null) {
                try {
                    uninterrupted(() -> ch.force(false));
                } catch (ClosedChannelException e) {
                    // rolled over meanwhile: the roll forced it
                }
            }
            synced.accumulateAndGet(upto, Math::max);
        }
    }

    /**
     * Reads up to {@code max} records from the replay position, without consuming them; first forces
     * what was appended without a sync (spills from callers' threads), so only durable records replay.
     */
    JournalReader.Batch read(int max) throws IOException {
        sync(end);
        JournalReader.Batch[] read = new JournalReader.Batch[1];
        uninterrupted(() -> read[0] = reader.read(max, synced.get()));
        JournalReader.Batch batch = read[0];
        if (oldestPending == null && !batch.records().isEmpty()) {
            oldestPending = batch.records().get(0).occurredAt();
        }
        return batch;
    }

    /** Marks a batch as written to the sink and deletes the segments it finished. */
    void commit(JournalReader.Batch batch) {
        committed = batch.end();
        reader.moveTo(batch.end());
        try {
            Files.writeString(dir.resolve(POSITION), Long.toString(committed));
        } catch (IOException e) {
            LOG.debug("Cannot note the journal's replay position: {}", e.toString());
        }
        oldestPending = committed >= end
                ? null
                : batch.records().isEmpty()
                        ? oldestPending
                        : batch.records().get(batch.records().size() - 1).occurredAt();
        for (Map.Entry<Long, Path> e : segments.entrySet()) {
            Long next = segments.higherKey(e.getKey());
            boolean finished = next != null ? next <= committed : (e.getKey() != activeStart && committed >= end);
            if (!finished) {
                break;
            }
            if (e.getKey() != activeStart) {
                deleteSegment(e.getKey(), e.getValue());
            }
        }
    }

    private void deleteSegment(long start, Path path) {
        try {
            Files.deleteIfExists(path);
            segments.remove(start);
        } catch (IOException e) {
            LOG.warn("Cannot delete the replayed audit journal segment {}: {}", path, e.toString());
        }
    }

    /**
     * Runs file I/O with the calling thread's interrupt status cleared, then restores it. A
     * {@link FileChannel} used by a thread whose interrupt status is set closes itself, for every
     * thread: one interrupted caller (a request thread spilling, or the writer that {@code close}
     * interrupts to stop waiting for a sink) would make every later spill fail, and their records count
     * as lost although the disk was fine.
     */
    private static void uninterrupted(Io io) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            io.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    /** Appends records the sink rejected one by one to {@code quarantine.jsonl}, forced to disk. */
    void quarantine(List<ActivityLog> logs) throws IOException {
        uninterrupted(() -> JournalFiles.quarantine(dir, logs));
    }

    /** Whether records wait to be replayed (or corrupt lines to be skipped). */
    boolean hasPending() {
        return committed < synced.get() || committed < end;
    }

    /** Bytes appended and not yet consumed. */
    long pendingBytes() {
        return Math.max(0, end - committed);
    }

    /** The offset after the last appended byte. */
    long endOffset() {
        return end;
    }

    /** The offset up to which everything was written to the sink or skipped. */
    long committedOffset() {
        return committed;
    }

    /** The time of the oldest record waiting, approximately; null when none wait. */
    @Nullable
    Instant oldestPending() {
        return oldestPending;
    }

    /** Damaged lines skipped so far (torn tails, checksum failures). */
    long skipped() {
        return reader.skipped();
    }

    Path dir() {
        return dir;
    }

    long activeStart() {
        return activeStart;
    }

    /** Forces and closes the active segment and releases the directory lock. */
    @Override
    public void close() {
        synchronized (appendLock) {
            try {
                FileChannel ch = active;
                if (ch != null) {
                    ch.force(false);
                    ch.close();
                    active = null;
                }
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("Closing the audit journal failed: {}", e.toString());
            }
        }
    }
}
