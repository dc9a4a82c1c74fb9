// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.internal.util.UuidV7;
import dev.auditsdk.spi.ActivityCursor;
import dev.auditsdk.spi.ActivityJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelTest {
    record Pojo(String name, int size) {}

    @Test
    void actionTypesHaveTheSeedNamesAndCustomOnesAreValidated() {
        assertThat(List.of(
                        ActionType.CREATE,
                        ActionType.READ,
                        ActionType.UPDATE,
                        ActionType.DELETE,
                        ActionType.LOGIN,
                        ActionType.LOGOUT,
                        ActionType.LOGIN_FAILED))
                .extracting(ActionType::name)
                .containsExactly("Create", "Read", "Update", "Delete", "Login", "Logout", "Login Failed");
        assertThat(ActionType.of("Login Failed")).isSameAs(ActionType.LOGIN_FAILED);
        assertThat(ActionType.of("Approve")).isEqualTo(ActionType.of("Approve")).isNotEqualTo(ActionType.UPDATE);
        assertThat(ActionType.of("Approve").isBuiltIn()).isFalse();
        assertThatThrownBy(() -> ActionType.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionType.of("x".repeat(65))).hasMessageContaining("64");
        assertThatThrownBy(() -> ActionType.of("a\nb")).hasMessageContaining("control");
    }

    @Test
    void idsAreVersion7AndTimeComesFromTheClock() {
        Instant now = Instant.parse("2026-05-01T10:15:30.123456789Z");
        ActivityLog log = ActivityLog.builder(ActionType.READ, Clock.fixed(now, ZoneOffset.UTC))
                .build();
        assertThat(log.id().version()).isEqualTo(7);
        assertThat(log.id().variant()).isEqualTo(2);
        assertThat(log.occurredAt()).isEqualTo(Instant.parse("2026-05-01T10:15:30.123456Z"));
        assertThat(UuidV7.epochMillis(log.id())).isEqualTo(now.toEpochMilli());
        UUID earlier = UuidV7.next(1_000);
        UUID later = UuidV7.next(2_000);
        assertThat(ActivityLog.compareIds(earlier, later)).isNegative();
    }

    @Test
    void dataIsConvertedToAnImmutableJsonTree() {
        ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                .data(Map.of("pojo", new Pojo("a", 2), "array", new int[] {1, 2}, "when", Instant.EPOCH))
                .build();
        assertThat(log.data())
                .containsEntry("pojo", Map.of("name", "a", "size", 2))
                .containsEntry("array", List.of(1, 2))
                .containsEntry("when", "1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> log.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ActivityLog.builder(ActionType.READ)
                        .data(Map.of("thread", new Object()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.thread");
        assertThatThrownBy(() ->
                        ActivityLog.builder(ActionType.READ).httpStatus(42).build())
                .hasMessageContaining("httpStatus");
    }

    @Test
    void cursorsRoundTripAndRejectGarbage() {
        ActivityLog log = ActivityLog.builder(ActionType.READ).build();
        ActivityCursor cursor = ActivityCursor.after(log);
        assertThat(ActivityCursor.decode(cursor.encode())).isEqualTo(cursor);
        for (Instant edge : List.of(ActivityQuery.MIN_TIME, ActivityQuery.MAX_TIME)) {
            ActivityCursor c = new ActivityCursor(edge, log.id());
            assertThat(ActivityCursor.decode(c.encode())).isEqualTo(c);
        }
        assertThatThrownBy(() -> ActivityCursor.decode("!!")).hasMessageContaining("cursor");
        assertThatThrownBy(() -> ActivityCursor.decode("x".repeat(500))).hasMessageContaining("cursor");
    }

    @Test
    void jsonFormRoundTripsAndIsOneLine() {
        ActivityLog log = ActivityLog.builder(ActionType.UPDATE)
                .actor("a\nb")
                .loginName("al\nice")
                .remarks("r\r\n")
                .target("Post", 1)
                .httpStatus(201)
                .durationMs(4L)
                .data(Map.of("k", List.of(1, "two", Map.of("x", true))))
                .integrity(new ActivityLog.Integrity("c1", 1, "", "abc"))
                .build();
        String json = ActivityJson.toJson(log);
        assertThat(json).doesNotContain("\n", "\r").contains("\"loginName\":\"al\\nice\"");
        assertThat(ActivityJson.fromJson(json)).isEqualTo(log);
        assertThat(ActivityJson.fromJson(json).loginName()).contains("al\nice");
        assertThatThrownBy(() -> ActivityJson.fromJson("{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queriesValidateAndCap() {
        assertThat(ActivityQuery.builder().limit(5_000).build().limit()).isEqualTo(ActivityQuery.MAX_LIMIT);
        assertThatThrownBy(() -> ActivityQuery.builder().limit(0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ActivityQuery.builder()
                        .from(Instant.ofEpochSecond(10))
                        .to(Instant.ofEpochSecond(5))
                        .build())
                .hasMessageContaining("after");
        assertThat(ActivityQuery.builder().actor(" ").build().actor()).isEmpty();
        assertThat(ActivityQuery.builder().loginName(" ").build().loginName()).isEmpty();
    }

    @Test
    void queryTimesOutsideYears1To9999AreRejectedNamingTheBound() {
        Instant far = Instant.parse("+294277-01-01T00:00:00Z");
        assertThatThrownBy(() -> ActivityQuery.builder().from(far))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("from ")
                .hasMessageContaining("+294277-01-01T00:00:00Z");
        assertThatThrownBy(() -> ActivityQuery.builder().to(Instant.parse("-0001-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("to ");
        assertThatThrownBy(() -> ActivityQuery.builder().to(ActivityQuery.MAX_TIME.plusNanos(1000)))
                .isInstanceOf(IllegalArgumentException.class);
        ActivityQuery edges = ActivityQuery.builder()
                .from(ActivityQuery.MIN_TIME)
                .to(ActivityQuery.MAX_TIME)
                .build();
        assertThat(edges.from()).contains(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(edges.to()).contains(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void loginNameFilterMatchesExactly() {
        ActivityLog failed =
                ActivityLog.builder(ActionType.LOGIN_FAILED).loginName("Bob").build();
        assertThat(ActivityQuery.builder().loginName("Bob").build().matches(failed))
                .isTrue();
        assertThat(ActivityQuery.builder().loginName("bob").build().matches(failed))
                .isFalse();
        assertThat(ActivityQuery.builder().loginName("Bo").build().matches(failed))
                .isFalse();
        assertThat(ActivityQuery.builder()
                        .loginName("Bob")
                        .build()
                        .matches(ActivityLog.builder(ActionType.LOGIN)
                                .actor("Bob")
                                .build()))
                .isFalse();
    }

    @Test
    void contextOutsideARequestIsDetachedAndHarmless() {
        ActivityContext detached = ActivityContext.current().remarks("ignored").skip();
        assertThat(detached.isAttached()).isFalse();
        assertThat(ActivityContext.current().remarks()).isEmpty();
        try (ActivityContext.Scope outer = ActivityContext.open("r1", null, null)) {
            try (ActivityContext.Scope inner = ActivityContext.open("r2", null, null)) {
                assertThat(ActivityContext.current()).isSameAs(inner.context());
                assertThat(ActivityContext.current().requestId()).contains("r2");
            }
            assertThat(ActivityContext.current()).isSameAs(outer.context());
        }
    }
}
