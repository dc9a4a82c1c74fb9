package dev.auditsdk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * The one JSON form of a record (field names as in the read API), used by the log sink, the journal
 * and the adapters. Control characters are escaped by the JSON encoder, so one record is always one line.
 */
public final class ActivityJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ActivityJson() {}

    /** The shared mapper for data trees (plain maps and lists). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One record as a single-line JSON object. */
    public static String toJson(ActivityLog log) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(log, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes one record as a JSON object to a generator, absent values left out (the journal and log form). */
    public static void write(ActivityLog log, JsonGenerator g) throws IOException {
        write(log, g, false);
    }

    /**
     * Writes one record as a JSON object. With {@code apiShape} every field of the read API is
     * present (null when absent) and the integrity columns are left out, so clients see one
     * stable shape; without it absent values are omitted and the integrity columns included.
     */
    public static void write(ActivityLog log, JsonGenerator g, boolean apiShape) throws IOException {
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
