// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Per-request overhead of auditing in the Spring example app under load (issues 8 and 18). For each
 * database, rounds of child-JVM runs (auditing off, ASYNC, SYNC, and Zalando Logbook's JSON request
 * log instead of auditing, in that order every round, so drift hits all alike) each take a closed
 * loop of signed-in users for a warm-up and a measured window; over that window {@link CostProbe}
 * reads the app's CPU and allocation and the PostgreSQL backends' CPU per request. Afterwards the
 * trail is counted against the requests made.
 *
 * <p>Arguments: {@code --db h2,postgresql --rounds 3 --warmup 20 --duration 60 --connections 8
 * --rate 0 --heap 512m --configs off,async,sync,logbook --app-jvm "-XX:..."} ({@code {run}} in an app JVM option
 * becomes the run's name, e.g. {@code h2-async-1}); {@code --smoke} is one short round on H2 (unless {@code --db} says otherwise) that
 * throws if anything is off. {@code --rate} (total requests/s) replaces the closed loop by a fixed
 * rate, to compare latency below saturation. Needs the example on the classpath: {@code -Dexec.classpathScope=test}.
 */
public final class LoadRun {
    static final String PASSWORD = "load-run-pw";

    private LoadRun() {}

    public static void main(String[] args) throws Exception {
        if (!run(args)) {
            System.out.println("\nFAILED: some runs had errors or an incomplete trail (see above)");
            System.exit(1);
        }
    }

    /**
     * Runs and prints the report; returns whether every run was clean.
     *
     * @throws IllegalStateException in smoke mode, on the first run with errors or a trail mismatch
     */
    static boolean run(String[] argv) throws Exception {
        Args a = new Args(argv);
        boolean smoke = Boolean.parseBoolean(a.get("smoke", "false"));
        String dbs = a.get("db", smoke ? "h2" : "h2,postgresql");
        int rounds = Integer.parseInt(a.get("rounds", smoke ? "1" : "3"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(a.get("warmup", smoke ? "1" : "20")));
        Duration duration = Duration.ofSeconds(Long.parseLong(a.get("duration", smoke ? "2" : "60")));
        int connections = Integer.parseInt(a.get("connections", "8"));
        double rate = Double.parseDouble(a.get("rate", "0"));
        String heap = a.get("heap", "512m");
        List<LoadConfig> configs = Arrays.stream(
                        a.get("configs", "off,async,sync,logbook").split(","))
                .map(c -> LoadConfig.valueOf(c.strip().toUpperCase(Locale.ROOT)))
                .toList();
        // extra options for the app's JVM, e.g. a flight recording: --app-jvm "-XX:StartFlightRecording=..."
        List<String> appJvm = Arrays.stream(a.get("app-jvm", "").split(" "))
                .filter(o -> !o.isBlank())
                .toList();
        System.out.println(Machine.line());
        System.out.println("load average at start: " + loadAverage());
        System.out.printf(
                Locale.ROOT,
                "%d connections (%s), warm-up %d s, measured %d s, %d round(s), app heap %s%n",
                connections,
                rate > 0 ? String.format(Locale.ROOT, "fixed rate %.0f req/s", rate) : "closed loop",
                warmup.toSeconds(),
                duration.toSeconds(),
                rounds,
                heap);
        boolean clean = true;
        List<String> tables = new ArrayList<>();
        for (String name : dbs.split(",")) {
            try (BenchDatabase db = BenchDatabase.of(name.strip())) {
                AuditTrail trail = new AuditTrail(db);
                BenchDatabase server = db.postgres() ? db : null;
                LoadReport report = new LoadReport(db.name());
                System.out.printf("%n== %s ==%n", db.name());
                for (int round = 1; round <= rounds; round++) {
                    for (LoadConfig config : configs) {
                        LoadReport.Run r =
                                once(trail, server, config, connections, rate, warmup, duration, heap, appJvm, round);
                        report.add(r);
                        if (!r.clean()) {
                            clean = false;
                            if (smoke) {
                                throw new IllegalStateException("smoke run failed: " + r.line());
                            }
                        }
                    }
                }
                tables.add(report.table());
            }
        }
        System.out.println();
        System.out.println("load average at end: " + loadAverage());
        tables.forEach(System.out::println);
        return clean;
    }

    private static LoadReport.Run once(
            AuditTrail trail,
            @Nullable BenchDatabase server,
            LoadConfig config,
            int connections,
            double rate,
            Duration warmup,
            Duration duration,
            String heap,
            List<String> appJvm,
            int round)
            throws Exception {
        Path dir = Files.createTempDirectory("audit-load");
        try {
            trail.reset();
            List<String> props = new ArrayList<>(config.properties);
            props.add("blog.demo-password=" + PASSWORD);
            String applicationName = "audit-load-" + ProcessHandle.current().pid() + "-" + round + "-" + config.label;
            props.addAll(trail.properties(dir, applicationName));
            String load = loadAverage();
            LoadDriver.Result result;
            // "{run}" in an app JVM option names this run, e.g. one flight recording per run:
            // -XX:StartFlightRecording=filename=rec-{run}.jfr
            String runName = (server != null ? "postgresql" : "h2") + "-" + config.label + "-" + round;
            List<String> jvm =
                    appJvm.stream().map(o -> o.replace("{run}", runName)).toList();
            try (AppProcess app = AppProcess.start(dir, heap, jvm, props);
                    CostProbe cost = CostProbe.connect(app.handle(), app.jmxPort, server, applicationName)) {
                result = LoadDriver.run(app.baseUrl(), PASSWORD, connections, rate, warmup, duration, cost::read);
            }
            // counted after the app has exited: a clean shutdown drains the ASYNC queue, and H2 is unlocked
            Map<String, Long> rows = config.audits()
                    ? trail.countByAction(dir)
                    : config == LoadConfig.LOGBOOK ? Map.of("logbook responses", logbookResponses(dir)) : Map.of();
            LoadReport.Run r = new LoadReport.Run(config, round, result, rows, load);
            System.out.println(r.line());
            return r;
        } finally {
            deleteTree(dir);
        }
    }

    /** Responses Logbook wrote to its JSON request log (one line per request and one per response). */
    private static long logbookResponses(Path dir) throws java.io.IOException {
        Path log = dir.resolve("requests.jsonl");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("\"type\":\"response\"")).count();
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
