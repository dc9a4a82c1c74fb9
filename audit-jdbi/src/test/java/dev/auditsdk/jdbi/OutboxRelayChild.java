// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.spi.ActivitySink;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The child JVM of {@link OutboxKillIT}: four threads commit business transactions, each with one
 * outbox record whose id the business row keeps, and print {@code COMMITTED <id>} after each commit,
 * while the relay moves rows into the trail through an ASYNC recorder (printing {@code WRITTEN n}
 * after each batch it wrote, then pausing before the relay can delete the rows), until it is killed.
 */
public final class OutboxRelayChild {
    private OutboxRelayChild() {}

    public static void main(String[] args) {
        JdbiActivityStore store = JdbiActivityStore.builder(args[0], args[1], args[2])
                .createSchema(true)
                .build();
        // Each batch pauses after it is written and says so: the parent kills the child in that pause,
        // when rows are in the trail, still in the outbox and leased to the child.
        ActivitySink slow = batch -> {
            store.append(batch);
            System.out.println("WRITTEN " + batch.size());
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(slow)
                .linger(Duration.ofMillis(50))
                .build();
        JdbiOutbox outbox = JdbiOutbox.builder(store, recorder)
                .owner("child")
                .lease(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(10))
                .batchSize(100)
                .build()
                .startRelay();
        Jdbi jdbi = Jdbi.create(args[0], args[1], args[2]);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                for (int i = 0; ; i++) {
                    ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                            .actor("t" + thread)
                            .target("Order", thread + "-" + i)
                            .build();
                    String order = thread + "-" + i;
                    outbox.useTransaction(jdbi, h -> {
                        h.execute(
                                "INSERT INTO orders (id, audit_id) VALUES (?, ?)",
                                order,
                                log.id().toString());
                        outbox.record(h, log);
                    });
                    System.out.println("COMMITTED " + log.id());
                }
            });
            th.start();
        }
    }
}
