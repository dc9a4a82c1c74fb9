// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Sanitizer;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The caller-thread part of the pipeline shared by both recorder modes: enrich, then sanitize. */
final class RecordPreparer {
    private final Clock clock;
    private final Sanitizer sanitizer;
    private final UnaryOperator<ActivityLog> contextInheritance;

    RecordPreparer(Clock clock, Sanitizer sanitizer, UnaryOperator<ActivityLog> contextInheritance) {
        this.clock = clock;
        this.sanitizer = sanitizer;
        this.contextInheritance = contextInheritance;
    }

    ActivityLog build(ActionType action, Consumer<ActivityLog.Builder> details) {
        ActivityLog.Builder b = ActivityLog.builder(action, clock);
        details.accept(b);
        return b.build();
    }

    /** Only the context part, for records a transaction holds (made on this thread, recorded later). */
    ActivityLog inherit(ActivityLog log) {
        return contextInheritance.apply(log);
    }

    ActivityLog prepare(ActivityLog log) {
        return sanitizer.sanitize(contextInheritance.apply(log));
    }

    Clock clock() {
        return clock;
    }
}
