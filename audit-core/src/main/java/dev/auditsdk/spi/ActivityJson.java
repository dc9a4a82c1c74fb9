package dev.auditsdk.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON form of a record (field names as in the read API), for sinks and stores that keep
 * records or their data as JSON: the log sink, the journal, the relational store's data column and
 * the read API all use it, so a record has the same shape everywhere. Control characters are
 * escaped by the JSON encoder, so one record is always one line. Written with a plain Jackson 2
 * mapper that registers no modules: the text does not depend on the application's classpath.
 *
 * @since 0.1
 */
public final class ActivityJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, @Nullable Object>> DATA = new TypeReference<>() {};

    private ActivityJson() {}

    /**
     * The data of a record ({@link ActivityLog#data()}) as a JSON object.
     *
     * @throws IllegalArgumentException if it cannot be written (not possible for data a record was built with)
     */
    public static String dataToJson(Map<String, ? extends @Nullable Object> data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("data cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads data written by {@link #dataToJson}: a JSON object as plain maps, lists, strings,
     * numbers, booleans and nulls.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static Map<String, @Nullable Object> dataFromJson(String json) {
        try {
            Map<String, @Nullable Object> data = MAPPER.readValue(json, DATA);
            if (data == null) {
                throw new IllegalArgumentException("data is null, not a JSON object");
            }
            return data;
        } catch (IOException e) {
            throw new IllegalArgumentException("data is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** One record as a single-line JSON object. */
    public static String toJson(ActivityLog log) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(log, g, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * One record in the read API's shape, as a single-line JSON object: every field of the read
     * API is present (null when absent) and the integrity columns are left out.
     */
    public static String toApiJson(ActivityLog log) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(log, g, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes one record as a JSON object. With {@code apiShape} every field of the read API is
     * present (null when absent) and the integrity columns are left out, so clients see one
     * stable shape; without it absent values are omitted and the integrity columns included.
     */
    private static void write(ActivityLog log, JsonGenerator g, boolean apiShape) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", log.id().toString());
        g.writeStringField("occurredAt", log.occurredAt().toString());
        field(g, "actor", log.actor(), apiShape);
        field(g, "actorName", log.actorName(), apiShape);
        field(g, "tenant", log.tenant(), apiShape);
        field(g, "loginName", log.loginName(), apiShape);
        g.writeStringField("action", log.action().name());
        g.writeStringField("status", log.status().name());
        field(g, "remarks", log.remarks(), apiShape);
        field(g, "targetType", log.target().map(Target::type), apiShape);
        field(g, "targetId", log.target().map(Target::id), apiShape);
        field(g, "clientIp", log.clientIp(), apiShape);
        field(g, "userAgent", log.userAgent(), apiShape);
        field(g, "requestId", log.requestId(), apiShape);
        field(g, "traceId", log.traceId(), apiShape);
        field(g, "httpMethod", log.httpMethod(), apiShape);
        field(g, "httpPath", log.httpPath(), apiShape);
        field(g, "httpRoute", log.httpRoute(), apiShape);
        number(g, "httpStatus", log.httpStatus(), apiShape);
        number(g, "durationMs", log.durationMs(), apiShape);
        g.writeFieldName("data");
        MAPPER.writeValue(g, log.data());
        g.writeStringField("source", log.source().wireName());
        if (apiShape) {
            g.writeEndObject();
            return;
        }
        field(g, "instance", log.instance(), false);
        g.writeNumberField("schemaVersion", log.schemaVersion());
        if (log.integrity().isPresent()) {
            ActivityLog.Integrity i = log.integrity().get();
            g.writeStringField("chainId", i.chainId());
            g.writeNumberField("chainSeq", i.seq());
            g.writeStringField("prevHash", i.prevHash());
            g.writeStringField("hash", i.hash());
        }
        g.writeEndObject();
    }

    /**
     * Reads a record written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the text is not such a record
     */
    @SuppressWarnings("unchecked")
    public static ActivityLog fromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            ActivityLog.Builder b = ActivityLog.builder(ActionType.of(text(n, "action")))
                    .id(UUID.fromString(text(n, "id")))
                    .occurredAt(Instant.parse(text(n, "occurredAt")))
                    .status(Status.valueOf(text(n, "status")))
                    .actor(opt(n, "actor"))
                    .actorName(opt(n, "actorName"))
                    .tenant(opt(n, "tenant"))
                    .loginName(opt(n, "loginName"))
                    .instance(opt(n, "instance"))
                    .remarks(opt(n, "remarks"))
                    .clientIp(opt(n, "clientIp"))
                    .userAgent(opt(n, "userAgent"))
                    .requestId(opt(n, "requestId"))
                    .traceId(opt(n, "traceId"))
                    .httpMethod(opt(n, "httpMethod"))
                    .httpPath(opt(n, "httpPath"))
                    .httpRoute(opt(n, "httpRoute"))
                    .httpStatus(n.hasNonNull("httpStatus") ? n.get("httpStatus").intValue() : null)
                    .durationMs(n.hasNonNull("durationMs") ? n.get("durationMs").longValue() : null)
                    .source(Source.fromWireName(text(n, "source")))
                    .schemaVersion(n.path("schemaVersion").asInt(ActivityLog.CURRENT_SCHEMA_VERSION));
            String type = opt(n, "targetType");
            String id = opt(n, "targetId");
            if (type != null && id != null) {
                b.target(new Target(type, id));
            }
            if (n.hasNonNull("data")) {
                b.data(MAPPER.convertValue(n.get("data"), Map.class));
            }
            if (n.hasNonNull("hash")) {
                b.integrity(new ActivityLog.Integrity(
                        text(n, "chainId"), n.get("chainSeq").longValue(), text(n, "prevHash"), text(n, "hash")));
            }
            return b.build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an activity record: " + e.getMessage(), e);
        }
    }

    private static void field(JsonGenerator g, String name, Optional<String> value, boolean explicitNull)
            throws IOException {
        if (value.isPresent() || explicitNull) {
            g.writeStringField(name, value.orElse(null));
        }
    }

    private static void number(JsonGenerator g, String name, Optional<? extends Number> value, boolean explicitNull)
            throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.get().longValue());
        } else if (explicitNull) {
            g.writeNullField(name);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v.textValue();
    }

    private static @Nullable String opt(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
