// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.spi.TransactionBinding;
import org.jspecify.annotations.Nullable;

/** Applies {@code audit.transactions} to the recorder builder. */
final class RecorderTransactions {
    private RecorderTransactions() {}

    /**
     * Holds records in {@code binding} (absent without spring-tx: no Spring-managed transactions to
     * wait for) unless {@code audit.transactions=off}; the outbox cannot do without it.
     */
    static void apply(AuditProperties p, @Nullable TransactionBinding binding, ActivityRecorder.Builder builder) {
        switch (p.getTransactions()) {
            case OFF -> {}
            case OUTBOX -> {
                if (binding == null) {
                    throw new IllegalStateException("audit.transactions=outbox needs spring-tx, spring-jdbc and"
                            + " dev.auditsdk:audit-jdbi on the classpath");
                }
                builder.transactions(binding);
            }
            case AFTER_COMMIT -> {
                if (binding != null) {
                    builder.transactions(binding);
                }
            }
        }
    }
}
