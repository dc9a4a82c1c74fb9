// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Reads journal lines from the replay position on; used only by the recorder's writer thread. */
final class JournalReader {
    /** Longest line accepted; longer ones are damage (a record is bounded far below this). */
    private static final int MAX_LINE = 8 << 20;

    private final Journal journal;
    private final AtomicLong skipped = new AtomicLong();
    private long position;
    // Damage before this offset was already reported; a re-read after a failed replay stays quiet.
    private long reportedUpTo;
    private byte[] line = new byte[4096];

    JournalReader(Journal journal, long position) {
        this.journal = journal;
        this.position = position;
    }

    /**
     * Records read from the journal and the offset just after them.
     *
     * @param records the intact records, in journal order
     * @param end the offset to commit once the records are in the sink
     */
    record Batch(List<ActivityLog> records, long end) {}

    void moveTo(long offset) {
        position = offset;
    }

    long skipped() {
        return skipped.get();
    }

    Batch read(int max, long limit) throws IOException {
        List<ActivityLog> out = new ArrayList<>(Math.min(max, 1024));
        long pos = position;
        while (out.size() < max && pos < limit) {
            Map.Entry<Long, Path> seg = journal.segments.floorEntry(pos);
            if (seg == null) {
                Long next = journal.segments.ceilingKey(pos);
                pos = next == null ? limit : next;
                continue;
            }
            boolean active = seg.getKey() == journal.activeStart();
            long segEnd;
            try {
                segEnd = active ? limit : seg.getKey() + Files.size(seg.getValue());
            } catch (NoSuchFileException e) {
                segEnd = pos;
            }
            if (pos >= segEnd) {
                Long next = journal.segments.higherKey(seg.getKey());
                pos = next == null ? limit : next;
                continue;
            }
            pos = readSegment(seg.getValue(), seg.getKey(), pos, Math.min(segEnd, limit), max, out);
        }
        return new Batch(out, pos);
    }

    private long readSegment(Path path, long start, long pos, long segEnd, int max, List<ActivityLog> out)
            throws IOException {
        try (FileChannel ch = FileChannel.open(path)) {
            ch.position(pos - start);
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
            String[] why = new String[1];
            while (out.size() < max && pos < segEnd) {
                long lineStart = pos;
                int len = 0;
                int b = -1;
                boolean tooLong = false;
                while (pos < segEnd && (b = in.read()) != -1) {
                    pos++;
                    if (b == '\n') {
                        break;
                    }
                    if (len == line.length) {
                        if (len >= MAX_LINE) {
                            tooLong = true;
                            continue;
                        }
                        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, len * 2));
                    }
                    line[len++] = (byte) b;
                }
                if (b != '\n') {
                    // No newline before the end of a finished segment: a torn write.
                    damage(path, lineStart, "torn record at the end of the segment");
                    return segEnd;
                }
                ActivityLog log = tooLong ? null : JournalCodec.decode(line, len, why);
                if (log == null) {
                    damage(path, lineStart, tooLong ? "line too long" : why[0]);
                } else {
                    out.add(log);
                }
            }
            return pos;
        }
    }

    private void damage(Path path, long offset, String why) {
        if (offset < reportedUpTo) {
            return;
        }
        reportedUpTo = offset + 1;
        long n = skipped.incrementAndGet();
        if (n <= 100 || n % 10_000 == 0) {
            Journal.LOG.error(
                    "Audit journal: skipped a damaged record in {} at logical offset {} ({}); {} skipped so far",
                    path.getFileName(),
                    offset,
                    why,
                    n);
        }
    }
}
