// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits for a recorder's writer to reach a state (spill or replay happen on its own schedule; a
 * recorder's flush waits for the store and so cannot be used while the store is down).
 */
final class JournalAwait {
    private JournalAwait() {}

    static void until(ActivityRecorder recorder, Predicate<RecorderStats> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.test(recorder.stats())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 30 s: " + recorder.stats());
            }
            Thread.sleep(10);
        }
    }

    static void untilReplayed(ActivityRecorder recorder) throws InterruptedException {
        until(recorder, s -> s.journalBytes() == 0);
    }
}
