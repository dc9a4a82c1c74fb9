// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link DurableKillIT}: records in DURABLE mode from four threads and prints
 * {@code ACK <id>} for each record once {@code record()} returned, until it is killed.
 */
public final class DurableChild {
    private DurableChild() {}

    public static void main(String[] args) {
        JdbiActivityStore store = JdbiActivityStore.builder(args[1], args[2], args[3])
                .createSchema(true)
                .build();
        ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .mode(RecorderMode.DURABLE)
                .journal(Path.of(args[0]))
                .batchSize(200)
                .linger(Duration.ofMillis(5))
                .build();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                for (int i = 0; ; i++) {
                    ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                            .actor("t" + thread)
                            .remarks("n " + i)
                            .build();
                    recorder.record(log);
                    System.out.println("ACK " + log.id());
                }
            });
            th.start();
        }
    }
}
