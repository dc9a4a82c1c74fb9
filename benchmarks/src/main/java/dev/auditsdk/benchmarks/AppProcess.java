// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Spring example app in a child JVM: its own CPU time and heap, a fresh data directory, a free
 * port. {@link #close()} always ends it: a polite SIGTERM first (so the ASYNC queue drains into the
 * store, as in a real shutdown), then a forced kill; a shutdown hook covers Ctrl-C of the driver.
 */
final class AppProcess implements AutoCloseable {
    static final String MAIN = "dev.auditsdk.examples.spring.BlogApplication";
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration STOP = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final Thread killer;
    final int port;
    /** The app's JMX port (loopback only), for {@link CostProbe}. */
    final int jmxPort;

    private AppProcess(Process process, Path log, int port, int jmxPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.jmxPort = jmxPort;
        this.killer = new Thread(process::destroyForcibly, "kill-example-app");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts the app with extra JVM options and {@code properties} (as {@code --name=value}) and waits
     * until it answers.
     *
     * @throws IllegalStateException if it exits or does not answer within two minutes; the log tail is in the message
     */
    static AppProcess start(Path dataDir, String heap, List<String> jvmOptions, List<String> properties)
            throws IOException, InterruptedException {
        int port = freePort();
        int jmxPort = freePort();
        Path log = dataDir.resolve("app.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms" + heap, "-Xmx" + heap));
        command.addAll(CostProbe.jmxOptions(jmxPort));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                AppClasspath.forChild(),
                MAIN,
                "--server.port=" + port,
                "--blog.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.main.banner-mode=off",
                // the HTTP capture is what a load run measures and counts (one row per request); the
                // posts' field-change rows and their cost are EntityUpdateRun's
                "--audit.entities.enabled=false",
                // one connection per virtual user for the whole run: Tomcat would otherwise close it every 100 requests
                "--server.tomcat.max-keep-alive-requests=-1"));
        properties.forEach(p -> command.add("--" + p));
        Process process = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AppProcess app = new AppProcess(process, log, port, jmxPort);
        try {
            app.awaitReady();
            return app;
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/csrf"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the example app exited with " + process.exitValue() + " before it answered\n" + logTail());
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the example app did not answer within " + STARTUP + "\n" + logTail());
    }

    /** The app's process. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The last lines of the app's output, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- last lines of the example app's log ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Stops the app (SIGTERM, then SIGKILL after 30 s) and waits for it to exit. Interrupted, it
     * kills at once and keeps the interrupt, so a Ctrl-C never leaves the app behind.
     */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                System.out.println("  example app ignored SIGTERM for " + STOP + ", killing it");
                process.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // the driver is itself shutting down: the hook runs anyway
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
