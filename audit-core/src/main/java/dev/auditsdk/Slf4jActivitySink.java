// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.spi.ActivityJson;
import dev.auditsdk.spi.ActivitySink;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each record as one JSON line through SLF4J at INFO, for applications that ship audit
 * events through their logging pipeline. Control characters are JSON-escaped, so a CR/LF inside a
 * record can never start a forged log line. Logging is not idempotent: a retried batch may log a
 * record twice (readers de-duplicate on {@code id}).
 *
 * @since 0.1
 */
public final class Slf4jActivitySink implements ActivitySink {
    /** The logger name used by {@link #create()}. */
    public static final String DEFAULT_LOGGER = "dev.auditsdk.activity";

    private final Logger logger;

    private Slf4jActivitySink(Logger logger) {
        this.logger = logger;
    }

    /** Logs to {@value #DEFAULT_LOGGER}. */
    public static Slf4jActivitySink create() {
        return named(DEFAULT_LOGGER);
    }

    /** Logs to the named logger. */
    public static Slf4jActivitySink named(String loggerName) {
        return new Slf4jActivitySink(LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName")));
    }

    @Override
    public void append(List<ActivityLog> batch) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        for (ActivityLog log : batch) {
            logger.info(ActivityJson.toJson(log));
        }
    }
}
