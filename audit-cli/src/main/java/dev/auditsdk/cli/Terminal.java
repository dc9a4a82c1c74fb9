package dev.auditsdk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command writes, and whether a person is watching. */
final class Terminal {
    private Terminal() {}

    /**
     * Whether the command runs on a terminal: {@link System#console()} is present only when neither
     * input nor output is redirected, so progress and prompts never end up in a file or a pipe.
     */
    @SuppressWarnings("SystemConsoleNull") // null is only the pre-22 answer; isTerminal() covers JDK 22+
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 on a console exists even when redirected; only isTerminal() tells.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static @Nullable Console console() {
        return System.console();
    }

    static PrintWriter out(@Nullable CommandSpec spec) {
        return Objects.requireNonNull(spec, "spec").commandLine().getOut();
    }

    static PrintWriter err(@Nullable CommandSpec spec) {
        return Objects.requireNonNull(spec, "spec").commandLine().getErr();
    }
}
