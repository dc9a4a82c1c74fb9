package dev.auditsdk;

import java.time.Clock;
import java.util.function.Consumer;

/** The caller-thread part of the pipeline shared by both recorder modes: enrich, then sanitize. */
final class RecordPreparer {
    private final Clock clock;
    private final Sanitizer sanitizer;

    RecordPreparer(Clock clock, Sanitizer sanitizer) {
        this.clock = clock;
        this.sanitizer = sanitizer;
    }

    ActivityLog build(ActionType action, Consumer<ActivityLog.Builder> details) {
        ActivityLog.Builder b = ActivityLog.builder(action, clock);
        details.accept(b);
        return b.build();
    }

    ActivityLog prepare(ActivityLog log) {
        ActivityContext context = ActivityContext.currentOrNull();
        if (context != null && needsContext(log, context)) {
            log = log.toBuilder()
                    .requestId(log.requestId().orElse(context.requestId().orElse(null)))
                    .traceId(log.traceId().orElse(context.traceId().orElse(null)))
                    .clientIp(log.clientIp().orElse(context.clientIp().orElse(null)))
                    .tenant(log.tenant().orElse(context.tenant().orElse(null)))
                    .build();
        }
        return sanitizer.sanitize(log);
    }

    Clock clock() {
        return clock;
    }

    private static boolean needsContext(ActivityLog log, ActivityContext c) {
        return (log.requestId == null && c.requestId().isPresent())
                || (log.traceId == null && c.traceId().isPresent())
                || (log.clientIp == null && c.clientIp().isPresent())
                || (log.tenant == null && c.tenant().isPresent());
    }
}
