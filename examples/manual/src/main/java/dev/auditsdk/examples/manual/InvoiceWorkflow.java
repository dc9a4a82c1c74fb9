// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.manual;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Status;
import java.math.BigDecimal;
import java.util.Map;

/** The business code being audited: each step records who did what to which invoice. */
final class InvoiceWorkflow {
    /** A custom action type, next to the seed's Create/Read/Update/Delete. */
    static final ActionType APPROVE = ActionType.of("Approve");

    static final ActionType REJECT = ActionType.of("Reject");

    private final ActivityRecorder recorder;

    InvoiceWorkflow(ActivityRecorder recorder) {
        this.recorder = recorder;
    }

    void submit(String clerk, String invoice, BigDecimal amount) {
        recorder.record(
                ActionType.CREATE,
                b -> b.actor(clerk)
                        .target("Invoice", invoice)
                        .remarks(clerk + " submitted invoice " + invoice)
                        .data(Map.of("amount", amount, "currency", "EUR")));
    }

    void approve(String manager, String invoice, BigDecimal amount, BigDecimal limit) {
        boolean allowed = amount.compareTo(limit) <= 0;
        recorder.record(
                APPROVE,
                b -> b.actor(manager)
                        .target("Invoice", invoice)
                        .status(allowed ? Status.SUCCESS : Status.FAILED)
                        .remarks(
                                allowed
                                        ? manager + " approved invoice " + invoice
                                        : manager + " may approve up to " + limit + ", not " + amount)
                        .data(Map.of("amount", amount, "limit", limit)));
    }

    void reject(String manager, String invoice, String reason) {
        recorder.record(
                REJECT,
                b -> b.actor(manager)
                        .target("Invoice", invoice)
                        .remarks(manager + " rejected invoice " + invoice)
                        .data(Map.of("reason", reason)));
    }

    void pay(String system, String invoice, String iban) {
        // The IBAN key is not a secret by default; the bank token is masked by the sanitizer.
        recorder.record(
                ActionType.of("Pay"),
                b -> b.actor(system)
                        .target("Invoice", invoice)
                        .remarks("payment sent for " + invoice)
                        .data(Map.of("iban", iban, "bankToken", "tok_live_123")));
    }
}
