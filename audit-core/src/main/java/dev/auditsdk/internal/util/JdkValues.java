// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The Jackson serializers {@link JsonShape} registers explicitly for JDK values inside records and
 * beans: the same conversions it applies to top-level values, instead of whatever jdk8/jsr310
 * modules the host happens to have.
 */
final class JdkValues {
    private JdkValues() {}

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("audit-data-jdk-values");
        m.addSerializer(TemporalAccessor.class, ToStringSerializer.instance);
        m.addSerializer(TemporalAmount.class, ToStringSerializer.instance);
        m.addSerializer(ZoneId.class, ToStringSerializer.instance);
        m.addSerializer(Date.class, serializer((d, g, p) -> g.writeString(isoInstant(d))));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Optional<?>> optional = (Class) Optional.class;
        m.addSerializer(optional, serializer((o, g, p) -> p.defaultSerializeValue(o.orElse(null), g)));
        m.addSerializer(OptionalInt.class, serializer((o, g, p) -> {
            if (o.isPresent()) {
                g.writeNumber(o.getAsInt());
            } else {
                g.writeNull();
            }
        }));
        m.addSerializer(OptionalLong.class, serializer((o, g, p) -> {
            if (o.isPresent()) {
                g.writeNumber(o.getAsLong());
            } else {
                g.writeNull();
            }
        }));
        m.addSerializer(OptionalDouble.class, serializer((o, g, p) -> {
            if (o.isPresent()) {
                g.writeNumber(o.getAsDouble());
            } else {
                g.writeNull();
            }
        }));
        return m;
    }

    // Converting the legacy type callers pass in is the point here; getTime(), not toInstant(),
    // because java.sql.Date and Time do not support the latter.
    @SuppressWarnings("JavaUtilDate")
    private static String isoInstant(Date d) {
        return Instant.ofEpochMilli(d.getTime()).toString();
    }

    private interface Write<T> {
        void write(T value, JsonGenerator g, SerializerProvider p) throws IOException;
    }

    private static <T> JsonSerializer<T> serializer(Write<T> write) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                write.write(value, g, p);
            }
        };
    }
}
