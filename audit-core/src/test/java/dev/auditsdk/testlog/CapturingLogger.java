// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.testlog;

import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Formats an event once, prints it like slf4j-simple (INFO and above) and offers it to open captures. */
final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level,
            @Nullable Marker marker,
            @Nullable String pattern,
            @Nullable Object @Nullable [] args,
            @Nullable Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, args);
        LogCapture.Event event =
                new LogCapture.Event(level, name, Thread.currentThread().getName(), String.valueOf(message), throwable);
        System.err.println("[" + event.thread() + "] " + level + " " + name + " - " + event.message());
        if (throwable != null) {
            throwable.printStackTrace(System.err);
        }
        LogCapture.publish(event);
    }
}
