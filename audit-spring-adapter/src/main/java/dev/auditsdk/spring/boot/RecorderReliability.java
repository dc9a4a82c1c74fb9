// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * Applies {@code audit.journal.*} and {@code audit.checkpoints.*} to the recorder builder and turns
 * inconsistent settings into start-up errors that name the property (core's own messages name its
 * builder methods, which a Boot user never called).
 */
final class RecorderReliability {
    private RecorderReliability() {}

    /** Journal and checkpoints from the properties; fails fast on settings core would silently ignore. */
    static void apply(AuditProperties p, ActivityRecorder.Builder builder) {
        AuditJournalProperties journal = p.getJournal();
        AuditCheckpointProperties cp = p.getCheckpoints();
        boolean checkpoints = cp.getFile() != null || cp.getPrivateKey() != null;
        // The SYNC recorder writes on the caller's thread and has neither journal nor checkpointer.
        if (p.getMode() == RecorderMode.SYNC && (journal.getDir() != null || checkpoints)) {
            throw new IllegalStateException("audit.mode=sync uses neither audit.journal.dir nor audit.checkpoints.*: "
                    + "use audit.mode=async or durable, or remove them");
        }
        if (journal.getDir() != null) {
            builder.journal(journal.getDir());
            try {
                builder.journalMaxBytes(journal.getMaxBytes().toBytes());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("audit.journal.max-bytes: " + e.getMessage(), e);
            }
        }
        if (checkpoints) {
            builder.checkpoints(checkpoints(cp));
        }
    }

    /**
     * Builds the recorder; when core rejects DURABLE or SPILL without a journal (and no customizer
     * gave one), the error names {@code audit.journal.dir} and keeps core's as its cause.
     */
    static ActivityRecorder build(AuditProperties p, ActivityRecorder.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            if (p.getJournal().getDir() == null && p.getMode() == RecorderMode.DURABLE) {
                throw new IllegalStateException(
                        "audit.mode=durable needs audit.journal.dir (a local directory " + "for the journal): "
                                + e.getMessage(),
                        e);
            }
            if (p.getJournal().getDir() == null && p.getOverflow() == OverflowPolicy.SPILL) {
                throw new IllegalStateException(
                        "audit.overflow=spill needs audit.journal.dir (a local directory " + "for the journal): "
                                + e.getMessage(),
                        e);
            }
            throw e;
        }
    }

    private static Checkpoints checkpoints(AuditCheckpointProperties cp) {
        Path file = cp.getFile();
        Path keyFile = cp.getPrivateKey();
        if (file == null) {
            throw new IllegalStateException("audit.checkpoints.private-key is set but audit.checkpoints.file is not");
        }
        if (keyFile == null) {
            throw new IllegalStateException("audit.checkpoints.file is set but audit.checkpoints.private-key is not");
        }
        try {
            return Checkpoints.signing(privateKey(keyFile), FileCheckpointSink.of(file))
                    .every(cp.getEveryRecords(), cp.getEvery());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "audit.checkpoints.every-records must be at least 1 and " + "audit.checkpoints.every positive: "
                            + e.getMessage(),
                    e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) {
        String pem;
        try {
            pem = Files.readString(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("audit.checkpoints.private-key: cannot read " + keyFile, e);
        }
        try {
            return Checkpoints.privateKeyFromPem(pem);
        } catch (IllegalArgumentException e) {
            // The message never quotes the file: it holds a secret.
            throw new IllegalStateException(
                    "audit.checkpoints.private-key: " + keyFile
                            + " does not hold an Ed25519 private key in PEM (PKCS#8) form",
                    e);
        }
    }
}
