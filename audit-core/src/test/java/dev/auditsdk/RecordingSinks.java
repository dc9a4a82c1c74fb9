// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.spi.ActivitySink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Small real sinks for recorder tests: they count and fail on purpose, nothing is mocked. */
final class RecordingSinks {
    private RecordingSinks() {}

    /** Delegates to a store and counts every record it was given, duplicates included. */
    static final class Counting implements ActivitySink {
        final InMemoryActivityStore store = InMemoryActivityStore.create();
        final AtomicLong appended = new AtomicLong();
        final Set<java.util.UUID> seen = ConcurrentHashMap.newKeySet();
        final AtomicLong duplicates = new AtomicLong();

        @Override
        public void append(List<ActivityLog> batch) {
            for (ActivityLog log : batch) {
                if (!seen.add(log.id())) {
                    duplicates.incrementAndGet();
                }
            }
            appended.addAndGet(batch.size());
            store.append(batch);
        }
    }

    /** Fails its first {@code failures} calls, then stores. */
    static final class FailingFirst implements ActivitySink {
        final InMemoryActivityStore store = InMemoryActivityStore.create();
        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FailingFirst(int failures) {
            this.failures = failures;
        }

        @Override
        public void append(List<ActivityLog> batch) {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("database unavailable (call " + calls.get() + ")");
            }
            store.append(batch);
        }
    }

    /** Its first call hangs, deaf to interrupts, until {@link #release()}; then it stores, late. */
    static final class Hung implements ActivitySink {
        final InMemoryActivityStore store = InMemoryActivityStore.create();
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void append(List<ActivityLog> batch) {
            entered.countDown();
            boolean interrupted = false;
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            store.append(batch);
        }

        void release() {
            released.countDown();
        }
    }
}
