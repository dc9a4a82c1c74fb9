// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.manual;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.Target;
import dev.auditsdk.spi.ActivityStore;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Records an invoice approval workflow through the public API, reads the trail back and prints it
 * as a table. Run it with the command in the repository README.
 */
public final class ManualExample {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private ManualExample() {}

    public static void main(String[] args) {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        RecorderStats stats = run(store, System.out);
        System.out.printf("%nrecorder: %d written, %d lost%n", stats.written(), stats.lost());
    }

    /** Runs the workflow into {@code store} and prints the trail to {@code out}. */
    static RecorderStats run(ActivityStore store, PrintStream out) {
        ActivityRecorder recorder =
                ActivityRecorder.builder().store(store).closeSinkOnClose(false).build();
        InvoiceWorkflow workflow = new InvoiceWorkflow(recorder);
        workflow.submit("clara", "INV-1001", new BigDecimal("420.00"));
        workflow.submit("clara", "INV-1002", new BigDecimal("18500.00"));
        workflow.approve("marco", "INV-1001", new BigDecimal("420.00"), new BigDecimal("10000"));
        workflow.approve("marco", "INV-1002", new BigDecimal("18500.00"), new BigDecimal("10000"));
        workflow.reject("marco", "INV-1002", "needs a second signature");
        workflow.pay("payments-bot", "INV-1001", "DE89370400440532013000");
        RecorderStats stats = recorder.close(Duration.ofSeconds(10));

        out.println("Everything, newest first:");
        print(store.find(ActivityQuery.latest()), out);
        out.println();
        out.println("Only invoice INV-1002:");
        print(
                store.find(ActivityQuery.builder()
                        .target(new Target("Invoice", "INV-1002"))
                        .build()),
                out);
        out.println();
        out.println("Failed actions by marco:");
        print(
                store.find(ActivityQuery.builder()
                        .actor("marco")
                        .status(dev.auditsdk.Status.FAILED)
                        .build()),
                out);
        return stats;
    }

    private static void print(ActivityPage page, PrintStream out) {
        List<ActivityLog> items = page.items();
        String format = "%-12s  %-13s  %-8s  %-7s  %-16s  %s%n";
        out.printf(format, "time (UTC)", "actor", "action", "status", "target", "remarks / data");
        for (ActivityLog log : items) {
            out.printf(
                    format,
                    TIME.format(log.occurredAt()),
                    log.actor().orElse("-"),
                    log.action(),
                    log.status().displayName(),
                    log.target().map(Target::toString).orElse("-"),
                    log.remarks().orElse("") + " " + log.data());
        }
    }
}
