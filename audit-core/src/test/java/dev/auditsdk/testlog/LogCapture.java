// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.testlog;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * Collects the log events of named threads while open. Keyed by thread, not by logger, because
 * every recorder logs through the same logger: a test names its own thread and its recorder's
 * writer thread, so tests running in parallel never see each other's lines.
 */
public final class LogCapture implements AutoCloseable {
    private static final List<LogCapture> OPEN = new CopyOnWriteArrayList<>();

    private final Predicate<Event> filter;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    /** One formatted log event. */
    public record Event(
            Level level,
            String logger,
            String thread,
            String message,
            @Nullable Throwable error) {}

    private LogCapture(Predicate<Event> filter) {
        this.filter = filter;
    }

    /** Starts capturing what the calling thread and the threads named {@code others} log. */
    public static LogCapture ofThisThreadAnd(String... others) {
        Set<String> threads = new java.util.HashSet<>(List.of(others));
        threads.add(Thread.currentThread().getName());
        LogCapture capture = new LogCapture(e -> threads.contains(e.thread()));
        OPEN.add(capture);
        return capture;
    }

    static void publish(Event event) {
        for (LogCapture capture : OPEN) {
            if (capture.filter.test(event)) {
                capture.events.add(event);
            }
        }
    }

    /** Everything captured so far, in the order it was logged. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The messages captured at {@code level}. */
    public List<String> messages(Level level) {
        return events.stream()
                .filter(e -> e.level() == level)
                .map(Event::message)
                .toList();
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}
