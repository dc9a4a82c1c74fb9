// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.integrity.ActivityRetention;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.jdbi.JdbiActivityStore;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code purge}: retention that keeps the trail verifiable. It goes through {@link ActivityRetention}
 * (a chained retention marker first, then the batched delete), never a bare delete, which the
 * verifier would rightly report as missing rows.
 */
@Command(
        name = "purge",
        mixinStandardHelpOptions = true,
        description = "Delete records older than a cutoff, after recording a retention marker so the trail still "
                + "verifies. Asks for confirmation on a terminal unless --yes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:purged", "1:not confirmed, nothing purged", "2:error, nothing purged"})
final class PurgeCommand implements Callable<Integer>, UsesDatabase {
    private static final Duration MARKER_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = "--before",
            required = true,
            paramLabel = "INSTANT|DATE",
            converter = InstantConverter.class,
            description = "Delete records that occurred before this instant or date (midnight UTC).")
    @Nullable
    Instant before;

    @Option(names = "--yes", description = "Do not ask for confirmation (required when not on a terminal).")
    boolean yes;

    @ArgGroup(exclusive = false)
    @Nullable
    SigningFiles signing;

    @Spec
    @Nullable
    CommandSpec spec;

    /** Where the retention marker's own chain is checkpointed, for trails verified against checkpoints. */
    static final class SigningFiles {
        @Option(
                names = "--checkpoints",
                required = true,
                paramLabel = "FILE",
                description = "Checkpoints file to append the retention marker's signed checkpoint to.")
        @Nullable
        Path file;

        @Option(
                names = "--private-key",
                required = true,
                paramLabel = "PEM_FILE",
                description = "Ed25519 private key that signs it.")
        @Nullable
        Path privateKey;
    }

    @Override
    public ConnectionOptions connection() {
        return connection;
    }

    @Override
    public Integer call() throws IOException {
        Instant cutoff = Objects.requireNonNull(before, "before");
        Database db = connection.database().checked();
        if (!yes && !confirmed(db, cutoff)) {
            Terminal.err(spec).println("nothing purged");
            return 1;
        }
        try (JdbiActivityStore store = Stores.open(db);
                ActivityRecorder recorder = recorder(store)) {
            long deleted = ActivityRetention.purgeBefore(recorder, store, cutoff, MARKER_TIMEOUT);
            if (recorder.stats().lost() > 0) {
                throw new CliException("the retention marker was not written: " + recorder.stats());
            }
            Terminal.out(spec)
                    .printf(
                            Locale.ROOT,
                            "purged %d records before %s from %s (retention marker recorded)%n",
                            deleted,
                            cutoff,
                            db.where());
            return 0;
        }
    }

    private boolean confirmed(Database db, Instant cutoff) {
        Console console = Terminal.console();
        if (console == null) {
            throw new CliException("purge deletes records: confirm with --yes when not run on a terminal");
        }
        String answer = console.readLine("Delete every record before %s from %s? [y/N] ", cutoff, db.where());
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /**
     * SYNC, so a marker that cannot be written is an error before anything is deleted; ASYNC only
     * when the marker's chain must be checkpointed (SYNC has no writer to sign checkpoints).
     */
    private ActivityRecorder recorder(JdbiActivityStore store) throws IOException {
        ActivityRecorder.Builder b =
                ActivityRecorder.builder().store(store).closeSinkOnClose(false).threadName("audit-cli-purge");
        SigningFiles s = signing;
        if (s == null || s.file == null || s.privateKey == null) {
            return b.mode(RecorderMode.SYNC).build();
        }
        return b.checkpoints(Checkpoints.signing(
                        Checkpoints.privateKeyFromPem(Files.readString(s.privateKey)), FileCheckpointSink.of(s.file)))
                .build();
    }
}
