// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
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
     * From JDK 22 a console is always present, and {@code Console.isTerminal()} (looked up by name,
     * as this code compiles for 17) tells instead.
     */
    @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true; // JDK 17-21: a console exists only on a terminal
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
