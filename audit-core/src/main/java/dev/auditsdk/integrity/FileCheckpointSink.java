// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends checkpoints to a file, one JSON line each, forced to disk. Several recorders may share
 * the file (writes are appends under a process-wide lock); put it where the database's
 * administrators cannot write.
 *
 * @since 0.1
 */
public final class FileCheckpointSink implements CheckpointSink {
    private static final Object LOCK = new Object();
    private final Path file;

    private FileCheckpointSink(Path file) {
        this.file = file;
    }

    /** A sink appending to {@code file} (created with its directories when missing). */
    public static FileCheckpointSink of(Path file) {
        return new FileCheckpointSink(Objects.requireNonNull(file, "file").toAbsolutePath());
    }

    @Override
    public void write(Checkpoint checkpoint) {
        byte[] line = (checkpoint.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (LOCK) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel ch = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ByteBuffer buf = ByteBuffer.wrap(line);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write checkpoint to " + file, e);
            }
        }
    }

    /**
     * Reads the file; a damaged line (e.g. torn by a crash) is skipped.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    @Override
    public List<Checkpoint> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Checkpoint> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        out.add(Checkpoint.fromJson(line));
                    } catch (IllegalArgumentException e) {
                        // reported by the verifier as a break in the checkpoint chain
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints from " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileCheckpointSink[" + file + "]";
    }
}
