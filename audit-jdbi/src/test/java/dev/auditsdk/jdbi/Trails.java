package dev.auditsdk.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes real audit trails through the recorder (chained, checkpointed) and runs the command-line verifier on them. */
final class Trails {
    private Trails() {}

    /** A written trail: the records in chain order, and where its checkpoints and public key are. */
    record Trail(List<ActivityLog> logs, Path checkpoints, Path publicKey) {}

    /** The result of one {@link VerifyCommand} run. */
    record Verdict(int exitCode, JsonNode report, String stderr) {}

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

    static Verdict verify(String url, String user, String password, Trail trail, String... extra) {
        List<String> args = new ArrayList<>(List.of("--url", url, "--user", user, "--password", password, "--json"));
        if (trail != null) {
            args.addAll(List.of(
                    "--checkpoints",
                    trail.checkpoints().toString(),
                    "--public-key",
                    trail.publicKey().toString()));
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        try {
            return new Verdict(
                    code,
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
