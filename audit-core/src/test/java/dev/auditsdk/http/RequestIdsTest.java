// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void extractsTraceIdFromValidTraceparent() {
        assertThat(RequestIds.traceId("00-" + TRACE + "-00f067aa0ba902b7-01")).contains(TRACE);
        assertThat(RequestIds.traceId("01-" + TRACE + "-00f067aa0ba902b7-01-future-stuff"))
                .contains(TRACE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
                "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
                "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            })
    void rejectsInvalidTraceparent(String tp) {
        assertThat(RequestIds.traceId(tp)).isEmpty();
    }

    @Test
    void absentTraceparent() {
        assertThat(RequestIds.traceId(null)).isEmpty();
    }

    @Test
    void acceptsSafeRequestIdsAndReplacesOthers() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_x.y:z/+=@", 0)).isEqualTo("abc-123_x.y:z/+=@");
        for (String bad : new String[] {"", "a b", "a\r\nb", "<script>", "x".repeat(129), "é", null}) {
            String id = RequestIds.acceptOrGenerate(bad, 1_700_000_000_000L);
            assertThat(UUID.fromString(id).version()).as(String.valueOf(bad)).isEqualTo(7);
        }
    }
}
