// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code audit-cli} command: {@code java -jar audit-cli.jar verify|query|export|purge ...}.
 * Exit code 0 success, 1 the command's negative answer (tampered trail, purge not confirmed), 2
 * error (bad arguments, database unreachable or refusing the login); errors are one line on stderr.
 *
 * @since 0.1
 */
@Command(
        name = "audit-cli",
        mixinStandardHelpOptions = true,
        versionProvider = AuditCli.Version.class,
        description = "Verify, query, export and purge an Audit SDK trail in a relational database.",
        subcommands = {
            VerifyCommand.class,
            QueryCommand.class,
            ExportCommand.class,
            PurgeCommand.class,
            GenerateCompletion.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:tampered trail / purge not confirmed", "2:error"})
public final class AuditCli implements Callable<Integer> {
    static final int ERROR = 2;

    @Spec
    @Nullable
    CommandSpec spec;

    private AuditCli() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command and its options; see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        // before any logger exists: only warnings, on stderr, one line each
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        CommandLine cli = commandLine();
        String refused = passwordOnCommandLine(args);
        if (refused != null) {
            cli.getErr().println("audit-cli: " + refused);
            return ERROR;
        }
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AuditCli());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler(AuditCli::failed);
        cli.setExitCodeExceptionMapper(e -> ERROR);
        Objects.requireNonNull(cli.getSubcommands().get("generate-completion"), "generate-completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(true);
        return cli;
    }

    /**
     * A password typed as an option value would sit in the shell history and the process list, and
     * picocli's own error would echo it; refuse before parsing, without repeating it.
     */
    static @Nullable String passwordOnCommandLine(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean attached = a.startsWith("--password=");
            boolean next = a.equals("--password") && i + 1 < args.length && !args[i + 1].startsWith("-");
            if (attached || next) {
                return "--password takes no value (it would be visible to other users): give --password alone to be "
                        + "prompted, or set " + ConnectionOptions.PASSWORD_ENV + " (or the variable named by "
                        + "--password-env)";
            }
        }
        return null;
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        ConnectionOptions connection = command.getCommand() instanceof UsesDatabase u ? u.connection() : null;
        String line = "audit-cli " + command.getCommandName() + ": " + Errors.describe(e);
        PrintWriter err = command.getErr();
        err.println(connection == null ? line : connection.mask(line));
        if (connection != null && connection.verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(connection.mask(trace.toString()));
        }
        err.flush();
        return ERROR;
    }

    /** The version of this jar, from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (var in = Objects.requireNonNull(
                    AuditCli.class.getResourceAsStream("version.properties"), "version.properties")) {
                p.load(in);
            }
            return new String[] {"audit-cli " + p.getProperty("version", "unknown"), "Java " + Runtime.version()};
        }
    }

    @Override
    public Integer call() {
        CommandLine cli = Objects.requireNonNull(spec, "spec").commandLine();
        cli.getErr().println("audit-cli: name a command");
        cli.usage(cli.getErr());
        return ERROR;
    }
}
