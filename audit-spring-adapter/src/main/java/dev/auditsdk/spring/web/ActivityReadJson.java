package dev.auditsdk.spring.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.spi.ActivityJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The read API's JSON. Every documented field is always present (null when absent) so clients see
 * one stable shape; written with core's Jackson 2 mapper, independent of the application's
 * message converters (Boot 4 applications use Jackson 3).
 */
final class ActivityReadJson {
    private static final JsonFactory JSON = new JsonFactory();

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
        g.writeRawValue(ActivityJson.toApiJson(log));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
