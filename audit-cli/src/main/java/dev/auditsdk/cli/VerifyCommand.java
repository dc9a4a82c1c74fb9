// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.jdbi.JdbiTrail;
import dev.auditsdk.read.ReadScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify}: walks every hash chain of the trail (and its signed checkpoints) and reports the first bad row. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check the trail's hash chains and signed checkpoints; name the first altered, missing or "
                + "inserted row.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "1:tampered (the first bad row is named)", "2:cannot verify"})
final class VerifyCommand implements Callable<Integer>, UsesDatabase {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @ArgGroup(exclusive = false)
    @Nullable
    CheckpointFiles checkpoints;

    @Option(
            names = "--purged-before",
            paramLabel = "INSTANT|DATE",
            converter = InstantConverter.class,
            description = "A retention cutoff known from elsewhere: chain ranges missing before it are not reported.")
    @Nullable
    Instant purgedBefore;

    @Option(
            names = "--tenant",
            paramLabel = "TENANT",
            description = "A report for this tenant's auditor: every row is checked, but other tenants' rows "
                    + "are not named (no id, no content), only their chain and position.")
    @Nullable
    String tenant;

    @Option(names = "--json", description = "Print the report as one JSON object (no progress).")
    boolean json;

    @Spec
    @Nullable
    CommandSpec spec;

    /** The checkpoints file and the public key it is checked with: both or neither. */
    static final class CheckpointFiles {
        @Option(names = "--checkpoints", required = true, paramLabel = "FILE", description = "Signed checkpoints.")
        @Nullable
        Path file;

        @Option(
                names = "--public-key",
                required = true,
                paramLabel = "PEM_FILE",
                description = "Ed25519 public key of the checkpoints.")
        @Nullable
        Path publicKey;
    }

    @Override
    public ConnectionOptions connection() {
        return connection;
    }

    @Override
    public Integer call() throws IOException, SQLException {
        PrintWriter out = Terminal.out(spec);
        try {
            VerificationReport report = verify();
            out.println(json ? report.toJson() : ReportText.of(report));
            return report.exitCode();
        } catch (IOException | SQLException | RuntimeException e) {
            if (json) {
                String message = connection.mask(Errors.describe(e));
                out.println("{\"status\":\"error\",\"error\":" + JsonNodeFactory.instance.textNode(message) + "}");
            }
            throw e;
        }
    }

    private VerificationReport verify() throws IOException, SQLException {
        ActivityVerifier.Builder b = ActivityVerifier.builder();
        CheckpointFiles cp = checkpoints;
        if (cp != null && cp.file != null && cp.publicKey != null) {
            b.checkpoints(
                    FileCheckpointSink.of(cp.file).readAll(),
                    Checkpoints.publicKeyFromPem(Files.readString(cp.publicKey)));
        }
        if (purgedBefore != null) {
            b.purgedBefore(purgedBefore);
        }
        if (tenant != null) {
            ReadScope scope = ReadScope.tenant(tenant);
            b.withholding(row -> !scope.permits(row));
        }
        Database db = connection.database().checked();
        JdbiTrail trail = JdbiTrail.of(db, db.table());
        boolean showProgress = !json && Terminal.interactive();
        Progress progress = new Progress(Terminal.err(spec), showProgress ? trail.count() : -1, showProgress);
        ActivityVerifier.Session session = b.build().start();
        trail.forEach(row -> {
            session.add(row);
            progress.tick(session.rowsChecked());
        });
        progress.done();
        return session.finish();
    }
}
