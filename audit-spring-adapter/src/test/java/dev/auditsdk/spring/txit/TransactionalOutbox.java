// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.txit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityRecordingException;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link TransactionBoundRecords} with {@code audit.transactions=outbox}, plus what
 * only the outbox does: an audit insert that fails inside the transaction rolls the business change
 * back.
 */
abstract class TransactionalOutbox extends TransactionBoundRecords {
    @Override
    boolean outbox() {
        return true;
    }

    @Test
    void anOutboxInsertThatFailsRollsTheBusinessChangeBack() {
        long id = nextId();
        long discardedBefore = bean(ActivityRecorder.class).stats().discarded();
        assertThatThrownBy(
                        () -> bean(TransactionsTestApplication.Transfers.class).transferRecordingTwice(id))
                .isInstanceOf(ActivityRecordingException.class)
                .hasMessageContaining("outbox");
        flush();
        assertThat(rows("transfer", id)).isZero();
        assertThat(rows("activity_log", id)).isZero();
        assertThat(bean(ActivityRecorder.class).stats().discarded()).isEqualTo(discardedBefore + 2);
    }
}
