// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes real audit trails through the recorder (chained, checkpointed) and verifies them. */
final class Trails {
    private Trails() {}

    /** A written trail: the records in chain order, and where its checkpoints and public key are. */
    record Trail(List<ActivityLog> logs, Path checkpoints, Path publicKey) {}

    /** The result of one verification: the command line's exit code and its {@code --json} report. */
    record Verdict(int exitCode, JsonNode report) {}

    static Trail write(JdbiActivityStore store, Path dir, int n) {
        KeyPair keys = Checkpoints.generateKeyPair();
        Path cps = dir.resolve("checkpoints.jsonl");
        Path pub = dir.resolve("audit-public.pem");
        try {
            Files.writeString(pub, Checkpoints.toPem(keys.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ActivityLog> logs = new ArrayList<>(n);
        // A generous block timeout: the test producer outruns any database and must not drop.
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .closeSinkOnClose(false)
                .blockTimeout(Duration.ofMinutes(2))
                .checkpoints(Checkpoints.signing(keys.getPrivate(), FileCheckpointSink.of(cps))
                        .every(Math.max(1, n / 20), Duration.ofSeconds(30)))
                .build()) {
            for (int i = 0; i < n; i++) {
                ActivityLog log = ActivityLog.builder(i % 7 == 0 ? ActionType.LOGIN : ActionType.UPDATE)
                        .actor("user" + (i % 50))
                        .target("Post", i)
                        .remarks("edited post " + i + " \u00e9\u4e2d")
                        .clientIp("10.0.0." + (i % 250))
                        .httpMethod("PUT")
                        .httpPath("/posts/" + i)
                        .httpStatus(200)
                        .data(Map.of("field", "title", "n", i, "ratio", i / 8.0, "tags", List.of("a", i % 3 == 0)))
                        .build();
                recorder.record(log);
                logs.add(log);
            }
            if (!recorder.flush(Duration.ofMinutes(10)) || recorder.stats().lost() > 0) {
                throw new IllegalStateException("trail not written: " + recorder.stats());
            }
        }
        return new Trail(logs, cps, pub);
    }

    /** Verifies the trail as the command line does (its checkpoints when given); exit code 0 clean, 1 tampered. */
    static Verdict verify(String url, String user, String password, Trail trail) {
        try {
            ActivityVerifier.Builder b = ActivityVerifier.builder();
            if (trail != null) {
                b.checkpoints(
                        FileCheckpointSink.of(trail.checkpoints()).readAll(),
                        Checkpoints.publicKeyFromPem(Files.readString(trail.publicKey())));
            }
            ActivityVerifier.Session session = b.build().start();
            JdbiTrail.of(new SwitchableDataSource(url, user, password), "activity_log")
                    .forEach(session::add);
            VerificationReport report = session.finish();
            return new Verdict(
                    report.exitCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify " + url, e);
        }
    }
}
