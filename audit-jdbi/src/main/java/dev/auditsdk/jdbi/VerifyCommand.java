package dev.auditsdk.jdbi;

import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.integrity.VerificationIssue;
import dev.auditsdk.integrity.VerificationReport;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.Locale;

/**
 * The command-line verifier: walks every chain in an audit table and prints what it found. Exit
 * code 0 clean, 1 tampered, 2 cannot verify (bad arguments, database unreachable, unreadable key).
 *
 * <pre>
 * VerifyCommand --url JDBC_URL [--user U] [--password P] [--table activity_log]
 *               [--checkpoints FILE --public-key PEM_FILE] [--purged-before ISO_INSTANT] [--json]
 * </pre>
 * On a terminal (and without {@code --json}) it shows progress: rows, rows/s and ETA.
 *
 * @since 0.1
 */
public final class VerifyCommand {
    private VerifyCommand() {}

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, interactive()));
    }

    /** Whether a person watches: from JDK 22 on, {@code System.console()} exists even when piped. */
    @SuppressWarnings("SystemConsoleNull") // null is only the pre-22 answer; isTerminal() covers JDK 22+
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console is only there for a terminal
        }
    }

    /**
     * Runs the command.
     *
     * @return the exit code: 0 clean, 1 tampered, 2 cannot verify
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean progress) {
        VerifyOptions o;
        try {
            o = VerifyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(VerifyOptions.USAGE);
            return 2;
        }
        try {
            ActivityVerifier.Builder b = ActivityVerifier.builder();
            if (o.checkpoints() != null) {
                b.checkpoints(
                        FileCheckpointSink.of(o.checkpoints()).readAll(),
                        Checkpoints.publicKeyFromPem(Files.readString(o.publicKey())));
            }
            if (o.purgedBefore() != null) {
                b.purgedBefore(o.purgedBefore());
            }
            DriverManager.setLoginTimeout(10);
            JdbiTrail trail = JdbiTrail.of(new VerifyOptions.UrlDataSource(o.url(), o.user(), o.password()), o.table());
            long total = progress && !o.json() ? trail.count() : -1;
            ActivityVerifier.Session session = b.build().start();
            Progress p = new Progress(err, total, progress && !o.json());
            trail.forEach(row -> {
                session.add(row);
                p.tick(session.rowsChecked());
            });
            p.done();
            VerificationReport report = session.finish();
            out.println(o.json() ? report.toJson() : text(report));
            return report.exitCode();
        } catch (Exception e) {
            if (o.json()) {
                out.println("{\"status\":\"error\",\"error\":"
                        + com.fasterxml.jackson.databind.node.TextNode.valueOf(e.toString()) + "}");
            }
            err.println("cannot verify: " + e);
            return 2;
        }
    }

    static String text(VerificationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.clean() ? "CLEAN" : "TAMPERED")
                .append(": ")
                .append(r.rowsChecked())
                .append(" rows checked, ")
                .append(r.rowsValid())
                .append(" valid, ")
                .append(r.chains())
                .append(" chains, ")
                .append(r.checkpointsValid())
                .append('/')
                .append(r.checkpointsChecked())
                .append(" checkpoints valid, ")
                .append(r.purgedGaps())
                .append(" purged ranges; ")
                .append(String.format(Locale.ROOT, "%,.0f rows/s", r.rowsPerSecond()));
        if (!r.clean()) {
            sb.append("\nfirst bad row: ")
                    .append(r.firstIssue().map(VerificationIssue::toString).orElse("?"));
            sb.append('\n').append(r.issueCount()).append(" findings:");
            for (VerificationIssue i : r.issues()) {
                sb.append("\n  ").append(i);
            }
        }
        return sb.toString();
    }

    /** Progress on stderr, at most once a second. */
    private static final class Progress {
        private final PrintStream err;
        private final long total;
        private final boolean on;
        private final long start = System.nanoTime();
        private long last = start;

        Progress(PrintStream err, long total, boolean on) {
            this.err = err;
            this.total = total;
            this.on = on;
        }

        void tick(long rows) {
            if (!on || (rows & 1023) != 0) {
                return;
            }
            long now = System.nanoTime();
            if (now - last < 1_000_000_000L) {
                return;
            }
            last = now;
            double rate = rows / ((now - start) / 1e9);
            String eta = total > 0 && rate > 0 ? String.format(Locale.ROOT, ", ETA %.0f s", (total - rows) / rate) : "";
            err.printf(Locale.ROOT, "\r%,d / %,d rows, %,.0f rows/s%s   ", rows, total, rate, eta);
        }

        void done() {
            if (on && last != start) {
                err.println();
            }
        }
    }
}
