// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.spi.ActivitySink;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sink, not core, says whether a failure is transient; the retrier acts on it. */
class BatchRetrierTest {
    /** Always fails; calls its failures transient or not as told. */
    private static final class Down implements ActivitySink {
        final AtomicInteger calls = new AtomicInteger();
        private final boolean transientFailures;

        Down(boolean transientFailures) {
            this.transientFailures = transientFailures;
        }

        @Override
        public void append(List<ActivityLog> batch) {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Override
        public boolean isTransient(Throwable failure) {
            return transientFailures;
        }
    }

    private static List<ActivityLog> batch(int n) {
        List<ActivityLog> logs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            logs.add(ActivityLog.builder(ActionType.READ).actor("u" + i).build());
        }
        return logs;
    }

    private static BatchRetrier retrier(ActivitySink sink) {
        return new BatchRetrier(sink, 3, Duration.ofMillis(1), Duration.ofMillis(1), () -> false);
    }

    @Test
    void aTransientFailureGivesTheWholeBatchUpWithoutSplittingIt() {
        Down sink = new Down(true);
        BatchRetrier.Outcome outcome = retrier(sink).write(batch(8));
        assertThat(sink.calls).hasValue(3);
        assertThat(outcome.failed()).hasSize(8);
        assertThat(outcome.attempts()).isEqualTo(3);
    }

    @Test
    void anyOtherFailureIsSearchedForAPoisonRecordFirst() {
        Down sink = new Down(false);
        BatchRetrier.Outcome outcome = retrier(sink).write(batch(8));
        assertThat(sink.calls).as("3 attempts, then both halves").hasValue(5);
        assertThat(outcome.failed()).hasSize(8);
        assertThat(outcome.poison()).isEmpty();
    }

    @Test
    void byDefaultOnlyNetworkFailuresAreTransient() {
        ActivitySink sink = batch -> {};
        assertThat(sink.isTransient(new IllegalStateException("pool", new ConnectException("refused"))))
                .isTrue();
        assertThat(sink.isTransient(new IllegalArgumentException("value too long")))
                .isFalse();
    }
}
