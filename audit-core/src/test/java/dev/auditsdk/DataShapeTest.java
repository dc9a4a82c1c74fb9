// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.spi.ActivityJson;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The documented, classpath-independent conversion of record data (ActivityLog.Builder#data). */
class DataShapeTest {
    record Invoice(String number, BigDecimal total, Optional<String> note, Instant due) {}

    private static Map<String, Object> shaped(Map<String, Object> data) {
        return ActivityLog.builder(ActionType.UPDATE).data(data).build().data();
    }

    @Test
    void javaTimeValuesBecomeTheirIsoText() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instant", Instant.parse("2024-05-01T10:15:30Z"));
        data.put("date", LocalDate.of(2024, 5, 1));
        data.put("offset", OffsetDateTime.of(2024, 5, 1, 12, 15, 30, 0, ZoneOffset.ofHours(2)));
        data.put("duration", Duration.ofMillis(1500));
        data.put("period", Period.ofDays(3));
        data.put("zone", ZoneId.of("Europe/Paris"));
        data.put("legacy", Date.from(Instant.parse("2024-05-01T10:15:30Z")));

        assertThat(shaped(data))
                .containsExactly(
                        Map.entry("instant", "2024-05-01T10:15:30Z"),
                        Map.entry("date", "2024-05-01"),
                        Map.entry("offset", "2024-05-01T12:15:30+02:00"),
                        Map.entry("duration", "PT1.5S"),
                        Map.entry("period", "P3D"),
                        Map.entry("zone", "Europe/Paris"),
                        Map.entry("legacy", "2024-05-01T10:15:30Z"));
    }

    @Test
    void optionalsBecomeTheirValueOrNull() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("some", Optional.of("x"));
        data.put("none", Optional.empty());
        data.put("nested", Optional.of(List.of(Optional.of(1), OptionalInt.empty())));
        data.put("int", OptionalInt.of(7));
        data.put("long", OptionalLong.of(8L));
        data.put("double", OptionalDouble.of(0.5));

        Map<String, Object> out = shaped(data);

        assertThat(out.get("some")).isEqualTo("x");
        assertThat(out).containsEntry("none", null);
        assertThat(out.get("nested")).isEqualTo(java.util.Arrays.asList(1, null));
        assertThat(out.get("int")).isEqualTo(7);
        assertThat(out.get("long")).isEqualTo(8L);
        assertThat(out.get("double")).isEqualTo(0.5);
    }

    @Test
    void recordsAreConvertedByComponentWithTheSameRulesInside() {
        Map<String, Object> out = shaped(Map.of(
                "invoice",
                new Invoice("A-1", new BigDecimal("12.5"), Optional.empty(), Instant.parse("2024-06-01T00:00:00Z")),
                "link",
                URI.create("https://example.org/a")));

        assertThat(out.get("link")).isEqualTo("https://example.org/a");
        assertThat(ActivityJson.dataToJson(out))
                .contains("\"number\":\"A-1\"")
                .contains("\"total\":12.5")
                .contains("\"note\":null")
                .contains("\"due\":\"2024-06-01T00:00:00Z\"");
    }
}
