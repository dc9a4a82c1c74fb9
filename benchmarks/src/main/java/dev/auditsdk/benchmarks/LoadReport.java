// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-run lines and, per database, the Markdown table of medians over rounds against auditing off. */
final class LoadReport {
    private final String database;
    private final List<Run> runs = new ArrayList<>();

    LoadReport(String database) {
        this.database = database;
    }

    /** One child-JVM run: what the driver measured and, with auditing on, what the trail holds. */
    record Run(LoadConfig config, int round, LoadDriver.Result result, Map<String, Long> rows, String loadAverage) {
        long written() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean trailComplete() {
            if (config == LoadConfig.LOGBOOK) {
                return written() >= result.requests(); // Logbook also logs the sign-in and CSRF requests
            }
            return !config.audits() || written() == result.audited();
        }

        boolean clean() {
            return result.errors() == 0 && result.requests() > 0 && trailComplete() && costMeasured();
        }

        /** The probe read the app: a window of requests cannot take zero CPU or allocate nothing. */
        boolean costMeasured() {
            return result.cost().appCpuNanos() > 0
                    && result.cost().appAllocatedBytes() > 0
                    && result.cost().dbCpuNanos() >= 0;
        }

        /** App + database CPU per request, in microseconds. */
        double totalMicros() {
            return result.appMicros() + result.dbMicros();
        }

        String line() {
            String trail = config.audits()
                    ? String.format(
                            Locale.ROOT,
                            "trail %d/%d%s",
                            written(),
                            result.audited(),
                            trailComplete() ? "" : " MISMATCH " + rows)
                    : config == LoadConfig.LOGBOOK
                            ? "logged " + written() + (trailComplete() ? "" : " TOO FEW")
                            : "trail -";
            return String.format(
                    Locale.ROOT,
                    "  round %d %-7s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  errors %d%s  %s"
                            + "  per request: app CPU %.1f µs, DB CPU %.1f µs, allocated %,.0f B"
                            + "  (CPU: app %.2f, driver %.2f cores; load %s)",
                    round,
                    config.label,
                    result.perSecond(),
                    result.ms(50),
                    result.ms(99),
                    result.ms(99.9),
                    result.errors(),
                    result.errors() == 0 ? "" : " " + result.errorKinds(),
                    trail,
                    result.appMicros(),
                    result.dbMicros(),
                    result.allocatedBytes(),
                    result.appCores(),
                    result.driverCores(),
                    loadAverage);
        }
    }

    void add(Run run) {
        runs.add(run);
    }

    /** Medians over rounds; ratio and added p99 are against the median of the off runs. */
    String table() {
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "%n%s (medians over rounds)%n%n"
                        + "| configuration | req/s | p50 | p99 | p99.9 | app CPU µs/req | DB CPU µs/req |"
                        + " cost vs off µs/req | allocation/req | req/s vs off | added p99 vs off | errors |"
                        + " records written / requests |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|%n",
                database));
        double offRate = median(LoadConfig.OFF, r -> r.result().perSecond());
        double offP99 = median(LoadConfig.OFF, r -> r.result().ms(99));
        double offMicros = median(LoadConfig.OFF, Run::totalMicros);
        for (LoadConfig c : LoadConfig.values()) {
            List<Run> of = of(c);
            if (of.isEmpty()) {
                continue;
            }
            double rate = median(c, r -> r.result().perSecond());
            double p99 = median(c, r -> r.result().ms(99));
            long errors = of.stream().mapToLong(r -> r.result().errors()).sum();
            String trail = c.audits()
                    ? String.format(
                            Locale.ROOT,
                            "%,d / %,d",
                            of.stream().mapToLong(Run::written).sum(),
                            of.stream().mapToLong(r -> r.result().audited()).sum())
                    : c == LoadConfig.LOGBOOK
                            ? String.format(
                                    Locale.ROOT,
                                    "%,d responses logged",
                                    of.stream().mapToLong(Run::written).sum())
                            : "-";
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.0f | %.0f | %s | %,.0f B | %.2f | %+.2f ms | %d | %s |%n",
                    c.label,
                    rate,
                    median(c, r -> r.result().ms(50)),
                    p99,
                    median(c, r -> r.result().ms(99.9)),
                    median(c, r -> r.result().appMicros()),
                    median(c, r -> r.result().dbMicros()),
                    c == LoadConfig.OFF
                            ? "–"
                            : String.format(Locale.ROOT, "%+.0f", median(c, Run::totalMicros) - offMicros),
                    median(c, r -> r.result().allocatedBytes()),
                    rate / offRate,
                    p99 - offP99,
                    errors,
                    trail));
        }
        if (!of(LoadConfig.ASYNC).isEmpty()) {
            double ratio = median(LoadConfig.ASYNC, r -> r.result().perSecond()) / offRate;
            double added = median(LoadConfig.ASYNC, r -> r.result().ms(99)) - offP99;
            sb.append(String.format(
                    Locale.ROOT,
                    "%nASYNC target (>= 95 %% of off's req/s, <= +1 ms p99): %.1f %% %s, %+.2f ms %s%n",
                    ratio * 100,
                    ratio >= 0.95 ? "met" : "NOT met",
                    added,
                    added <= 1.0 ? "met" : "NOT met"));
        }
        return sb.toString();
    }

    private List<Run> of(LoadConfig c) {
        return runs.stream().filter(r -> r.config() == c).toList();
    }

    private double median(LoadConfig c, java.util.function.ToDoubleFunction<Run> f) {
        List<Double> v = new ArrayList<>(of(c).stream().map(f::applyAsDouble).toList());
        if (v.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
