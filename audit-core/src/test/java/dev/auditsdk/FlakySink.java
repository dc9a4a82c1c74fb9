// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.spi.ActivitySink;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory store that can be switched off (an outage) and rejects batches holding a poison record. */
final class FlakySink implements ActivitySink {
    final InMemoryActivityStore store = InMemoryActivityStore.create();
    final AtomicLong deliveries = new AtomicLong();
    volatile boolean down;

    @Override
    public void append(List<ActivityLog> batch) {
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        for (ActivityLog log : batch) {
            if (log.remarks().orElse("").contains("poison")) {
                throw new IllegalArgumentException("value too long for column remarks");
            }
        }
        deliveries.addAndGet(batch.size());
        store.append(batch);
    }
}
