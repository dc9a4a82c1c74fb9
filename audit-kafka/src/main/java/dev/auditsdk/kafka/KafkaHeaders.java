package dev.auditsdk.kafka;

import dev.auditsdk.ActivityLog;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/** The headers of a record on the audit topic, so brokers' tools and consumers can route without parsing. */
final class KafkaHeaders {
    /** The record's id. */
    static final String ID = "audit.id";
    /** The record's schema version. */
    static final String SCHEMA = "audit.schema";
    /** The record's chain id (also the key). */
    static final String CHAIN = "audit.chain";
    /** The record's position in its chain. */
    static final String SEQ = "audit.seq";
    /** On the dead-letter topic: why the record is there. */
    static final String ERROR = "audit.error";
    /** On the dead-letter topic: where the record came from, {@code topic-partition@offset}. */
    static final String ORIGIN = "audit.origin";

    private KafkaHeaders() {}

    static RecordHeaders of(ActivityLog log) {
        RecordHeaders h = new RecordHeaders();
        add(h, ID, log.id().toString());
        add(h, SCHEMA, Integer.toString(log.schemaVersion()));
        log.integrity().ifPresent(i -> {
            add(h, CHAIN, i.chainId());
            add(h, SEQ, Long.toString(i.seq()));
        });
        return h;
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
