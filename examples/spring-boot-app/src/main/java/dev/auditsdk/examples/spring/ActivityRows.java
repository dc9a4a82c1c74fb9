package dev.auditsdk.examples.spring;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One record as named columns, in the read API's field names and order; used by both export formats. */
final class ActivityRows {
    /** The columns of an export, in order. */
    static final List<String> COLUMNS = List.of(
            "id",
            "occurredAt",
            "actor",
            "actorName",
            "tenant",
            "action",
            "status",
            "remarks",
            "targetType",
            "targetId",
            "clientIp",
            "userAgent",
            "requestId",
            "traceId",
            "httpMethod",
            "httpPath",
            "httpRoute",
            "httpStatus",
            "durationMs",
            "source",
            "data");

    private ActivityRows() {}

    /** The record's values by column; absent values are null, {@code data} stays a map. */
    static Map<String, @Nullable Object> row(ActivityLog log) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("id", log.id().toString());
        row.put("occurredAt", log.occurredAt().toString());
        row.put("actor", log.actor().orElse(null));
        row.put("actorName", log.actorName().orElse(null));
        row.put("tenant", log.tenant().orElse(null));
        row.put("action", log.action().name());
        row.put("status", log.status().name());
        row.put("remarks", log.remarks().orElse(null));
        row.put("targetType", log.target().map(Target::type).orElse(null));
        row.put("targetId", log.target().map(Target::id).orElse(null));
        row.put("clientIp", log.clientIp().orElse(null));
        row.put("userAgent", log.userAgent().orElse(null));
        row.put("requestId", log.requestId().orElse(null));
        row.put("traceId", log.traceId().orElse(null));
        row.put("httpMethod", log.httpMethod().orElse(null));
        row.put("httpPath", log.httpPath().orElse(null));
        row.put("httpRoute", log.httpRoute().orElse(null));
        row.put("httpStatus", log.httpStatus().orElse(null));
        row.put("durationMs", log.durationMs().orElse(null));
        row.put("source", log.source().wireName());
        row.put("data", log.data());
        return row;
    }
}
