// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Verification progress on stderr, at most once a second: rows, rows/s and ETA. */
final class Progress {
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final long total;
    private final boolean on;
    private final long start = System.nanoTime();
    private long last = start;

    Progress(PrintWriter err, long total, boolean on) {
        this.err = err;
        this.total = total;
        this.on = on;
    }

    void tick(long rows) {
        // looking at the clock once per 1,024 rows keeps the verifier's loop tight
        if (!on || (rows & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < SECOND) {
            return;
        }
        last = now;
        double rate = rows / ((now - start) / 1e9);
        String eta = total > 0 && rate > 0 ? String.format(Locale.ROOT, ", ETA %.0f s", (total - rows) / rate) : "";
        err.printf(Locale.ROOT, "\r%,d / %,d rows, %,.0f rows/s%s   ", rows, total, rate, eta);
        err.flush();
    }

    void done() {
        if (on && last != start) {
            err.println();
        }
    }
}
