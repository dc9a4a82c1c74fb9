// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.auditsdk.ActivityLog;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The values of one typical event, held per thread as a request would hold them, so every
 * library under test reads the same fields and none of them can fold constants.
 *
 * <p>Also counts the bytes the calling thread allocates per event and prints them after each
 * iteration: {@code -prof gc} sums all threads, so for our recorder it also charges the writer's
 * hash chain to {@code record()}.
 */
@State(Scope.Thread)
public class HandoffEvent {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Positional message for the logging libraries: the same values as the audit record. */
    static final String PATTERN = "actor={} action={} target={}#{} remarks={} title={} words={} draft={} ip={}"
            + " method={} path={} route={} status={} durationMs={}";

    String actor = "alice";
    String action = "UPDATE";
    String targetType = "Post";
    String targetId = "42";
    // 100 characters, the seed's remarks shape.
    String remarks =
            "User: alice -- Action Type: Update -- Path: /api/posts/42 -- Path Name: posts-detail -- title edit";
    String title = "Benchmarks that compare like with like";
    int words = 120;
    boolean draft = false;
    String clientIp = "203.0.113.7";
    String method = "PUT";
    String path = "/api/posts/42";
    String route = "/api/posts/{id}";
    int status = 200;
    long durationMs = 3L;

    /** Events sent by this thread; each benchmark method adds one. */
    long sent;

    private long sentAtStart;
    private long bytesAtStart;

    @Setup(Level.Iteration)
    public void markAllocation() {
        sentAtStart = sent;
        bytesAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    @TearDown(Level.Iteration)
    public void printAllocation() {
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytesAtStart;
        long events = sent - sentAtStart;
        if (events > 0) {
            System.out.printf(" [caller thread: %.1f B/op] ", (double) bytes / events);
        }
    }

    /** Sets every value on an audit record builder, the 3-key data map included. */
    void fill(ActivityLog.Builder b) {
        b.actor(actor)
                .target(targetType, targetId)
                .remarks(remarks)
                .data(Map.of("title", title, "words", words, "draft", draft))
                .clientIp(clientIp)
                .httpMethod(method)
                .httpPath(path)
                .httpRoute(route)
                .httpStatus(status)
                .durationMs(durationMs);
    }
}
