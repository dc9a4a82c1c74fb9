// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar ({@code java -jar}) in a child process, as a user would. */
final class Cli {
    private Cli() {}

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        String both() {
            return out + err;
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("audit.cli.jar", "target/audit-cli.jar"));
        assertThat(jar).as("the shaded jar (run the ITs after package)").isRegularFile();
        return jar;
    }

    static Run run(Path dir, Map<String, String> env, String... args) {
        return runWithInput(dir, env, "", args);
    }

    /** Runs with {@code input} on stdin (not a terminal: what a prompt reads then). */
    static Run runWithInput(Path dir, Map<String, String> env, String input, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(coverageAgent());
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input(dir, input).toFile()));
        pb.environment().remove(ConnectionOptions.PASSWORD_ENV);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("audit-cli did not finish: " + command);
            }
            return new Run(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path input(Path dir, String input) {
        Path in = dir.resolve("stdin.txt");
        try {
            Files.writeString(in, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in;
    }

    /**
     * The build's JaCoCo agent, when this test JVM runs with it: the child appends to the same
     * execution data, so the coverage gate sees what the jar's commands ran.
     */
    private static List<String> coverageAgent() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-javaagent:") && a.contains("jacoco"))
                .toList();
    }
}
