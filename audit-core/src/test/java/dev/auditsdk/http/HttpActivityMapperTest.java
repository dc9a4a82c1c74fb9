// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpActivityMapperTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final HttpActivityMapper MAPPER =
            HttpActivityMapper.builder().clock(CLOCK).build();

    private static HttpRequestView request(String method, String path, Map<String, List<String>> headers) {
        return HttpRequestView.builder(method, path)
                .remoteAddress("203.0.113.9")
                .headers(HeaderLookup.of(headers))
                .build();
    }

    private static HttpExchange.Builder exchange(String method, String path) {
        return HttpExchange.builder(request(method, path, Map.of()))
                .principal("alice")
                .route("posts-detail");
    }

    private static Optional<ActivityLog> map(HttpActivityMapper mapper, HttpExchange exchange) {
        return mapper.map(exchange, ActivityContext.current());
    }

    @ParameterizedTest
    @CsvSource({"GET, Read", "HEAD, Read", "POST, Create", "PUT, Update", "PATCH, Update", "DELETE, Delete", "get, Read"
    })
    void mapsMethodsToActions(String method, String action) {
        ActivityLog log = map(MAPPER, exchange(method, "/api/posts/7").build()).orElseThrow();
        assertThat(log.action()).isEqualTo(ActionType.of(action));
        assertThat(log.httpMethod()).contains(method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "TRACE", "CONNECT", "PROPFIND"})
    void leavesOtherMethodsUnrecorded(String method) {
        assertThat(map(MAPPER, exchange(method, "/x").build())).isEmpty();
    }

    @Test
    void replaceableMapping() {
        HttpActivityMapper m = HttpActivityMapper.builder()
                .actions(ActionMapper.byMethod(Map.of("REPORT", ActionType.of("Report")))
                        .orElse(ActionMapper.byMethod()))
                .build();
        assertThat(map(m, exchange("REPORT", "/x").build())
                        .orElseThrow()
                        .action()
                        .name())
                .isEqualTo("Report");
        assertThat(map(m, exchange("GET", "/x").build()).orElseThrow().action()).isEqualTo(ActionType.READ);
    }

    @Test
    void writesTheSeedsRecord() {
        ActivityLog log = map(
                        MAPPER,
                        exchange("PUT", "/api/posts/7")
                                .status(204)
                                .durationNanos(3_500_000)
                                .build())
                .orElseThrow();
        assertThat(log.remarks())
                .contains("User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail");
        assertThat(log.actor()).contains("alice");
        assertThat(log.status()).isEqualTo(Status.SUCCESS);
        assertThat(log.source()).isEqualTo(Source.HTTP);
        assertThat(log.httpStatus()).contains(204);
        assertThat(log.httpPath()).contains("/api/posts/7");
        assertThat(log.httpRoute()).contains("posts-detail");
        assertThat(log.durationMs()).contains(3L);
        assertThat(log.clientIp()).contains("203.0.113.9");
        assertThat(log.occurredAt()).isEqualTo(T0);
        assertThat(UUID.fromString(log.requestId().orElseThrow()).version()).isEqualTo(7);
        assertThat(log.traceId()).isEmpty();
        assertThat(log.data()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "200, SUCCESS",
        "302, SUCCESS",
        "399, SUCCESS",
        "400, FAILED",
        "404, FAILED",
        "500, FAILED",
        "503, FAILED"
    })
    void statusFromResponseCode(int code, Status expected) {
        ActivityLog log =
                map(MAPPER, exchange("GET", "/x").status(code).build()).orElseThrow();
        assertThat(log.status()).isEqualTo(expected);
        assertThat(log.httpStatus()).contains(code);
    }

    @Test
    void escapedExceptionIsFailedWith500() {
        ActivityLog log = map(
                        MAPPER,
                        exchange("POST", "/x")
                                .status(200)
                                .exception(new IllegalStateException("secret=1"))
                                .build())
                .orElseThrow();
        assertThat(log.status()).isEqualTo(Status.FAILED);
        assertThat(log.httpStatus()).contains(500);
        assertThat(log.data()).containsEntry("exception", "java.lang.IllegalStateException");
        assertThat(log.data().toString()).doesNotContain("secret=1");
    }

    @Test
    void anonymousSkippedByDefaultAndRecordedWhenEnabled() {
        HttpExchange anon = exchange("GET", "/x").principal(null).route(null).build();
        assertThat(map(MAPPER, anon)).isEmpty();
        assertThat(map(MAPPER, exchange("GET", "/x").principal(" ").build())).isEmpty();
        ActivityLog log = map(HttpActivityMapper.builder().recordAnonymous(true).build(), anon)
                .orElseThrow();
        assertThat(log.actor()).isEmpty();
        assertThat(log.remarks()).contains("User: None -- Action Type: Read -- Path: /x -- Path Name: None");
    }

    @Test
    void pluggableActorResolver() {
        HttpActivityMapper m = HttpActivityMapper.builder()
                .actors(ActorResolver.principal()
                        .orElse(e -> Optional.ofNullable(e.request().header("X-User"))))
                .build();
        HttpExchange e = HttpExchange.builder(request("GET", "/x", Map.of("X-User", List.of("bob"))))
                .build();
        assertThat(map(m, e).orElseThrow().actor()).contains("bob");
    }

    @Test
    void disabledRecordsNothing() {
        assertThat(map(
                        HttpActivityMapper.builder().enabled(false).build(),
                        exchange("GET", "/x").build()))
                .isEmpty();
    }

    @Test
    void remarksTemplateAndFunction() {
        HttpActivityMapper t = HttpActivityMapper.builder()
                .remarksTemplate("{method} {path} by {user} -> {status} {{x}")
                .build();
        assertThat(map(t, exchange("DELETE", "/p/1").status(404).build())
                        .orElseThrow()
                        .remarks())
                .contains("DELETE /p/1 by alice -> 404 {x}");
        HttpActivityMapper f = HttpActivityMapper.builder()
                .remarks((e, actor, action) -> actor + " did " + action)
                .build();
        assertThat(map(f, exchange("GET", "/p").build()).orElseThrow().remarks())
                .contains("alice did Read");
    }

    @Test
    void contextOverridesEverythingPerRequest() {
        HttpRequestView req = request(
                "OPTIONS",
                "/api/posts/7",
                Map.of(
                        "X-Request-Id",
                        List.of("req-1"),
                        "traceparent",
                        List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
        try (ActivityContext.Scope scope = MAPPER.openContext(req)) {
            scope.context()
                    .remarks("custom")
                    .target("Post", 7)
                    .data("k", "v")
                    .action(ActionType.of("Export"))
                    .tenant("acme");
            ActivityLog log = MAPPER.map(
                            HttpExchange.builder(req).principal("alice").build(), scope.context())
                    .orElseThrow();
            assertThat(log.remarks()).contains("custom");
            assertThat(log.target()).contains(Target.of("Post", 7));
            assertThat(log.data()).containsEntry("k", "v");
            assertThat(log.action().name()).isEqualTo("Export");
            assertThat(log.tenant()).contains("acme");
            assertThat(log.requestId()).contains("req-1");
            assertThat(log.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(log.clientIp()).contains("203.0.113.9");
        }
    }

    @Test
    void contextSkip() {
        HttpRequestView req = request("GET", "/x", Map.of());
        try (ActivityContext.Scope scope = MAPPER.openContext(req)) {
            scope.context().skip();
            assertThat(MAPPER.map(HttpExchange.builder(req).principal("alice").build(), scope.context()))
                    .isEmpty();
        }
    }

    @Test
    void targetResolverUsedWhenHandlerNamesNone() {
        HttpActivityMapper m = HttpActivityMapper.builder()
                .targets(e -> Optional.of(Target.of("Thing", "1")))
                .build();
        assertThat(map(m, exchange("GET", "/x").build()).orElseThrow().target()).contains(Target.of("Thing", "1"));
    }

    @Test
    void configurableRequestIdHeader() {
        HttpRequestView req =
                request("GET", "/x", Map.of("X-Correlation-Id", List.of("corr-9"), "X-Request-Id", List.of("other")));
        HttpActivityMapper m =
                HttpActivityMapper.builder().requestIdHeader("X-Correlation-Id").build();
        assertThat(m.requestId(req)).isEqualTo("corr-9");
        HttpActivityMapper none =
                HttpActivityMapper.builder().requestIdHeader(null).build();
        assertThat(none.requestId(req)).isNotEqualTo("other").hasSize(36);
    }

    @Test
    void filtersExclude() {
        HttpActivityMapper m = HttpActivityMapper.builder()
                .filter(ActivityFilters.excludePaths("/health", "/static/**"))
                .filter(ActivityFilters.excludeStatuses(404))
                .build();
        assertThat(map(m, exchange("GET", "/health").build())).isEmpty();
        assertThat(map(m, exchange("GET", "/static/app.js").build())).isEmpty();
        assertThat(map(m, exchange("GET", "/api").status(404).build())).isEmpty();
        assertThat(map(m, exchange("GET", "/api").build())).isPresent();
    }
}
