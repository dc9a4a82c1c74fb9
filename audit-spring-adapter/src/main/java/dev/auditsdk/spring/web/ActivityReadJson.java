package dev.auditsdk.spring.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.Target;
import dev.auditsdk.internal.ActivityJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The read API's JSON. Every documented field is always present (null when absent) so clients see
 * one stable shape; written with core's Jackson 2 mapper, independent of the application's
 * message converters (Boot 4 applications use Jackson 3).
 */
final class ActivityReadJson {
    private ActivityReadJson() {}

    static String page(ActivityPage page) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (ActivityLog log : page.items()) {
                item(log, g);
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", page.nextCursor().orElse(null));
            g.writeEndObject();
        });
    }

    static String one(ActivityLog log) {
        return write(g -> item(log, g));
    }

    static String error(String error, String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", error);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    private static void item(ActivityLog log, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", log.id().toString());
        g.writeStringField("occurredAt", log.occurredAt().toString());
        field(g, "actor", log.actor());
        field(g, "actorName", log.actorName());
        field(g, "tenant", log.tenant());
        g.writeStringField("action", log.action().name());
        g.writeStringField("status", log.status().name());
        field(g, "remarks", log.remarks());
        field(g, "targetType", log.target().map(Target::type));
        field(g, "targetId", log.target().map(Target::id));
        field(g, "clientIp", log.clientIp());
        field(g, "userAgent", log.userAgent());
        field(g, "requestId", log.requestId());
        field(g, "traceId", log.traceId());
        field(g, "httpMethod", log.httpMethod());
        field(g, "httpPath", log.httpPath());
        field(g, "httpRoute", log.httpRoute());
        g.writeFieldName("httpStatus");
        if (log.httpStatus().isPresent()) {
            g.writeNumber(log.httpStatus().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("durationMs");
        if (log.durationMs().isPresent()) {
            g.writeNumber(log.durationMs().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("data");
        ActivityJson.mapper().writeValue(g, log.data());
        g.writeStringField("source", log.source().wireName());
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, Optional<String> value) throws IOException {
        g.writeStringField(name, value.orElse(null));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = ActivityJson.mapper().getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
