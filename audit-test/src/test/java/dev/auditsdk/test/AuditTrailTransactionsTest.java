// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static dev.auditsdk.test.AuditTrailAssert.assertThatWouldRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.spi.TransactionBinding;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A trail that holds records like an application's transaction-bound recorder. */
class AuditTrailTransactionsTest {
    /** One transaction at a time, begun and ended by the test: stands in for a framework's. */
    private static final class OneTransaction implements TransactionBinding {
        boolean active;

        @Nullable
        ActivityTransaction unit;

        @Override
        public @Nullable ActivityTransaction current(Supplier<ActivityTransaction> opener) {
            if (!active) {
                return null;
            }
            if (unit == null) {
                unit = opener.get();
            }
            return unit;
        }

        void end(boolean commit) {
            active = false;
            if (unit != null) {
                if (commit) {
                    unit.commit();
                } else {
                    unit.discard();
                }
                unit = null;
            }
        }
    }

    @Test
    void pendingShowsWhatAnOpenTransactionWouldRecordSanitized() {
        OneTransaction tx = new OneTransaction();
        try (AuditTrail trail = AuditTrail.builder().transactions(tx).build()) {
            tx.active = true;
            trail.recorder()
                    .record(
                            ActionType.UPDATE,
                            b -> b.actor("alice")
                                    .target("Post", 42)
                                    .data(Map.of("title", "new", "password", "hunter2")));

            assertThat(trail).hasRecordedNothing();
            assertThat(trail.pending())
                    .singleElement()
                    .satisfies(l -> assertThat(l.data()).containsEntry("password", "[REDACTED]"));
            assertThatWouldRecord(trail)
                    .hasRecorded(ActionType.UPDATE)
                    .by("alice")
                    .on("Post", 42)
                    .times(1);

            tx.end(false);
            assertThat(trail.pending()).isEmpty();
            assertThat(trail).hasRecordedNothing();
            assertThat(trail.recorder().stats().discarded()).isEqualTo(1);

            tx.active = true;
            trail.recorder().record(ActionType.CREATE, b -> b.actor("bob"));
            tx.end(true);
            assertThat(trail.pending()).isEmpty();
            assertThat(trail).hasRecorded(ActionType.CREATE).by("bob").times(1);
        }
    }

    @Test
    void withoutABindingEverythingIsRecordedAtOnce() {
        try (AuditTrail trail = AuditTrail.create()) {
            trail.recorder().record(ActionType.CREATE, b -> b.actor("bob"));
            assertThat(trail.pending()).isEmpty();
            assertThatWouldRecord(trail).hasRecordedExactly(1);
        }
        assertThatThrownBy(() -> AuditTrail.builder().transactions(null)).isInstanceOf(NullPointerException.class);
    }
}
