// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code audit.checkpoints.*}: signed Ed25519 checkpoints of the recorder's hash chain (core's
 * {@code dev.auditsdk.integrity.Checkpoints}), appended to a file outside the audit database
 * ({@code FileCheckpointSink}). On when both {@code file} and {@code private-key} are set.
 *
 * @since 0.1
 */
public class AuditCheckpointProperties {
    /** File the signed checkpoints are appended to; put it where the database's administrators cannot write. */
    private @Nullable Path file;

    /** PEM file holding the Ed25519 private key that signs the checkpoints (PKCS#8, "BEGIN PRIVATE KEY"). */
    private @Nullable Path privateKey;

    /** A checkpoint after at most this many records. */
    private long everyRecords = 10_000;

    /** A checkpoint after at most this much time. */
    private Duration every = Duration.ofSeconds(60);

    /** The value of {@code audit.checkpoints.file}. */
    public @Nullable Path getFile() {
        return file;
    }
    /** Sets {@code audit.checkpoints.file}. */
    public void setFile(@Nullable Path file) {
        this.file = file;
    }
    /** The value of {@code audit.checkpoints.private-key}. */
    public @Nullable Path getPrivateKey() {
        return privateKey;
    }
    /** Sets {@code audit.checkpoints.private-key}. */
    public void setPrivateKey(@Nullable Path privateKey) {
        this.privateKey = privateKey;
    }
    /** The value of {@code audit.checkpoints.every-records}. */
    public long getEveryRecords() {
        return everyRecords;
    }
    /** Sets {@code audit.checkpoints.every-records}. */
    public void setEveryRecords(long everyRecords) {
        this.everyRecords = everyRecords;
    }
    /** The value of {@code audit.checkpoints.every}. */
    public Duration getEvery() {
        return every;
    }
    /** Sets {@code audit.checkpoints.every}. */
    public void setEvery(Duration every) {
        this.every = every;
    }
}
