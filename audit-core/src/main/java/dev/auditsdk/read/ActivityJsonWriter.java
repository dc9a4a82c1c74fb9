// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.spi.ActivityJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The read API's JSON: one record ({@code {"id","occurredAt","actor","actorName","tenant","loginName","action",
 * "status","remarks","targetType","targetId","clientIp","userAgent","requestId","traceId","httpMethod",
 * "httpPath","httpRoute","httpStatus","durationMs","data","source"}}), a page
 * ({@code {"items":[…],"nextCursor":"…"|null}}), a JSON Lines row and an error body. Every field is
 * always present, null when absent, so clients see one stable shape. Strings are escaped by the JSON
 * encoder (control characters, quotes, backslashes), so a record is always one line; other
 * characters, emoji included, are written as they are and must be sent as UTF-8.
 *
 * @since 0.1
 */
public final class ActivityJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private ActivityJsonWriter() {}

    /** One record as a JSON object. */
    public static String item(ActivityLog log) {
        Objects.requireNonNull(log, "log");
        return ActivityJson.toApiJson(log);
    }

    /** A page: {@code {"items":[…],"nextCursor":"…"|null}}, items in the page's order. */
    public static String page(ActivityPage page) {
        Objects.requireNonNull(page, "page");
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (ActivityLog log : page.items()) {
                g.writeRawValue(ActivityJson.toApiJson(log));
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", page.nextCursor().orElse(null));
            g.writeEndObject();
        });
    }

    /**
     * Writes one JSON Lines row: the record as by {@link #item}, then {@code \n}.
     *
     * @throws IOException if the writer fails
     */
    public static void writeLine(ActivityLog log, Writer out) throws IOException {
        out.write(item(log));
        out.write('\n');
    }

    /** An error body: {@code {"error":code,"message":message}}, e.g. {@code bad_request} and the reason. */
    public static String error(String code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
