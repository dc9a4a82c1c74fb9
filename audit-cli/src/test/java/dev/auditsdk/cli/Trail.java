// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.test.ActivityLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A real trail written through the recorder: chained, with signed checkpoints in a file. The first
 * {@code old} records occurred in 2020, the rest now.
 */
record Trail(List<ActivityLog> logs, Path checkpoints, Path publicKey, Path privateKey) {
    static final Instant OLD = Instant.parse("2020-03-01T12:00:00Z");

    static Trail write(JdbiActivityStore store, Path dir, int old, int recent) throws IOException {
        KeyPair keys = Checkpoints.generateKeyPair();
        Trail trail = new Trail(
                new ArrayList<>(),
                dir.resolve("checkpoints.jsonl"),
                dir.resolve("public.pem"),
                dir.resolve("private.pem"));
        Files.writeString(trail.publicKey(), Checkpoints.toPem(keys.getPublic()));
        Files.writeString(trail.privateKey(), Checkpoints.toPem(keys.getPrivate()));
        Random random = new Random(42);
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .closeSinkOnClose(false)
                .checkpoints(Checkpoints.signing(keys.getPrivate(), FileCheckpointSink.of(trail.checkpoints()))
                        .every(10, Duration.ofMinutes(1)))
                .build()) {
            for (int i = 0; i < old + recent; i++) {
                ActivityLog log = ActivityLogs.random(random, i < old ? OLD.plusSeconds(i) : Instant.now());
                recorder.record(log);
                trail.logs().add(log);
            }
            if (!recorder.flush(Duration.ofMinutes(1)) || recorder.stats().lost() > 0) {
                throw new IllegalStateException("trail not written: " + recorder.stats());
            }
        }
        return trail;
    }

    /** The verify arguments that check this trail against its checkpoints. */
    List<String> checkpointArgs() {
        return List.of("--checkpoints", checkpoints.toString(), "--public-key", publicKey.toString());
    }
}
