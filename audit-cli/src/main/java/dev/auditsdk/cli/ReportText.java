// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.integrity.VerificationIssue;
import dev.auditsdk.integrity.VerificationReport;
import java.util.Locale;

/** The human form of a {@link VerificationReport}. */
final class ReportText {
    private ReportText() {}

    static String of(VerificationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.clean() ? "CLEAN" : "TAMPERED")
                .append(String.format(
                        Locale.ROOT,
                        ": %d rows checked, %d valid, %d chains, %d/%d checkpoints valid, %d purged ranges; %,.0f rows/s",
                        r.rowsChecked(),
                        r.rowsValid(),
                        r.chains(),
                        r.checkpointsValid(),
                        r.checkpointsChecked(),
                        r.purgedGaps(),
                        r.rowsPerSecond()));
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
}
