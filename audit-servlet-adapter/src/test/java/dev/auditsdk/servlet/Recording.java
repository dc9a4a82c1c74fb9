// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The test destination: an in-memory store behind a real recorder; waits (with a deadline) for records to land. */
final class Recording implements AutoCloseable {
    final InMemoryActivityStore store = InMemoryActivityStore.create();
    final ActivityRecorder recorder;

    Recording(RecorderMode mode) {
        this.recorder = ActivityRecorder.builder()
                .store(store)
                .mode(mode)
                .linger(Duration.ofMillis(5))
                .build();
    }

    static Recording async() {
        return new Recording(RecorderMode.ASYNC);
    }

    static Recording sync() {
        return new Recording(RecorderMode.SYNC);
    }

    /** Every record, oldest first. */
    List<ActivityLog> all() {
        recorder.flush(Duration.ofSeconds(5));
        List<ActivityLog> out = new ArrayList<>();
        String cursor = null;
        do {
            var q = ActivityQuery.builder().limit(1000);
            if (cursor != null) {
                q.cursor(cursor);
            }
            var page = store.find(q.build());
            out.addAll(page.items());
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Waits until a record matching {@code p} is stored (the request may complete a moment after the client saw its response). */
    ActivityLog await(Predicate<ActivityLog> p) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (ActivityLog log : all()) {
                if (p.test(log)) {
                    return log;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record; have " + all());
            }
            sleep();
        }
    }

    /** Waits for the record of the request with this path. */
    ActivityLog awaitPath(String path) {
        return await(l -> l.httpPath().orElse("").equals(path));
    }

    /** Waits until at least {@code n} records are stored and returns them all. */
    List<ActivityLog> awaitCount(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<ActivityLog> all;
        while ((all = all()).size() < n) {
            if (System.nanoTime() > deadline) {
                assertThat(all).hasSize(n);
            }
            sleep();
        }
        return all;
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        recorder.close();
    }
}
