// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Status;
import dev.auditsdk.test.AuditTrail;
import dev.auditsdk.test.AuditTrailExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plain JUnit example of audit-test/README.md, verbatim. */
// README-BEGIN
@ExtendWith(AuditTrailExtension.class)
class InvoiceServiceTest {
    static final ActionType APPROVE = ActionType.of("Approve");

    /** The code under test: it takes the recorder the application would give it. */
    record InvoiceService(ActivityRecorder recorder) {
        void approve(String invoice, String user, long cents) {
            boolean allowed = cents <= 100_000;
            recorder.record(
                    APPROVE,
                    b -> b.actor(user)
                            .target("Invoice", invoice)
                            .failed(!allowed)
                            .remarks(allowed ? "approved" : "over the approval limit")
                            .data(Map.of("cents", cents)));
        }
    }

    @Test
    void approvalIsAudited(AuditTrail trail) {
        new InvoiceService(trail.recorder()).approve("INV-7", "alice", 12_500);

        assertThat(trail)
                .hasRecorded(APPROVE)
                .by("alice")
                .on("Invoice", "INV-7")
                .withStatus(Status.SUCCESS)
                .withData("cents", 12_500);
        assertThat(trail).hasRecordedExactly(1);
    }

    @Test
    void approvalOverTheLimitIsAuditedAsFailed(AuditTrail trail) {
        new InvoiceService(trail.recorder()).approve("INV-8", "bob", 250_000);

        assertThat(trail)
                .hasRecorded(APPROVE)
                .by("bob")
                .withStatus(Status.FAILED)
                .withRemarksContaining("limit");
        assertThat(trail).doesNotHaveRecorded(ActionType.DELETE);
    }
}
// README-END
