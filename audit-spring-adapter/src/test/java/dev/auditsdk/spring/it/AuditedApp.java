// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Access to what the running application recorded. */
final class AuditedApp {
    private final ActivityRecorder recorder;
    private final InMemoryActivityStore store;

    AuditedApp(ActivityRecorder recorder, InMemoryActivityStore store) {
        this.recorder = recorder;
        this.store = store;
    }

    /** Forgets every record, after waiting for the records of earlier requests (see {@link #barrier}). */
    void clear(Http http) {
        barrier(http);
        store.purgeBefore(Instant.now().plus(Duration.ofDays(1)));
    }

    /** Every record, oldest first, once the records of finished requests have been written. */
    List<ActivityLog> records() {
        settle();
        List<ActivityLog> all = new java.util.ArrayList<>(store.all());
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * Waits until {@code count} records match, then returns them (oldest first). The interceptor
     * records after the response was sent, so the client can be a little ahead of the store.
     */
    List<ActivityLog> await(int count, Predicate<ActivityLog> filter) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> records().stream().filter(filter).count() >= count);
        return records().stream().filter(filter).toList();
    }

    List<ActivityLog> awaitAction(int count, ActionType action) {
        return await(count, l -> l.action().equals(action));
    }

    /**
     * Makes one recorded request and waits for its record: records of requests answered before it
     * have been written by then, so "exactly one" assertions do not race a late record.
     */
    void barrier(Http http) {
        String id = "barrier-" + java.util.UUID.randomUUID();
        http.get(
                "/api/barrier",
                "Authorization",
                Http.basic("barrier", BlogTestApplication.PASSWORD),
                "X-Request-Id",
                id);
        await(1, l -> id.equals(l.requestId().orElse(null)));
    }

    private void settle() {
        recorder.flush(Duration.ofSeconds(5));
    }
}
