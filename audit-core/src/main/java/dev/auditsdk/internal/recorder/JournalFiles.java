// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File-system chores of the {@link Journal}: listing segments, permissions, directory sync, quarantine. */
final class JournalFiles {
    private JournalFiles() {}

    /** The segment files in {@code dir} by their start offset. */
    static Map<Long, Path> segments(Path dir) throws IOException {
        Map<Long, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(Journal.SUFFIX))
                    .forEach(p -> {
                        String name = p.getFileName().toString();
                        try {
                            out.put(Long.parseLong(name.substring(0, name.length() - Journal.SUFFIX.length())), p);
                        } catch (NumberFormatException e) {
                            Journal.LOG.warn("Ignoring a file that is not an audit journal segment: {}", p);
                        }
                    });
        }
        return out;
    }

    /** Journal files hold audit records (personal data): readable by the process owner only, where the platform allows. */
    static void ownerOnly(Path path, String perms) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        } catch (IOException | UnsupportedOperationException e) {
            Journal.LOG.debug("Cannot restrict permissions of {}: {}", path, e.toString());
        }
    }

    /** Makes a new file's directory entry durable; not every platform can open a directory. */
    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            Journal.LOG.debug("Cannot force the journal directory: {}", e.toString());
        }
    }

    static void quarantine(Path dir, List<ActivityLog> logs) throws IOException {
        Path file = dir.resolve("quarantine.jsonl");
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ownerOnly(file, "rw-------");
            for (ActivityLog log : logs) {
                ByteBuffer buf = ByteBuffer.wrap(JournalCodec.encode(log));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ch.force(false);
        }
    }
}
