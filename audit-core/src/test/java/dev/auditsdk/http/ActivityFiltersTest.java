// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityFiltersTest {
    private static HttpExchange ex(String method, String path, int status) {
        return HttpExchange.builder(HttpRequestView.builder(method, path).build())
                .status(status)
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "/health, /health, true",
        "/health, /health/x, false",
        "/health, /healthz, false",
        "/static/**, /static, true",
        "/static/**, /static/a/b.js, true",
        "/static/**, /staticx, false",
        "/**/*.css, /a/b/site.css, true",
        "/**/*.css, /site.css, true",
        "/**/*.css, /a/site.js, false",
        "/api/*/edit, /api/7/edit, true",
        "/api/*/edit, /api/7/8/edit, false",
        "/api/**/edit, /api/7/8/edit, true",
        "/file?.txt, /file1.txt, true",
        "/file?.txt, /file/.txt, false",
        "/a.b, /aXb, false",
        "/**, /anything/at/all, true",
    })
    void pathPatterns(String pattern, String path, boolean matches) {
        assertThat(ActivityFilters.includePaths(pattern).test(ex("GET", path, 200)))
                .isEqualTo(matches);
        assertThat(ActivityFilters.excludePaths(pattern).test(ex("GET", path, 200)))
                .isEqualTo(!matches);
    }

    @Test
    void methodsStatusesAndComposition() {
        ActivityFilter f = ActivityFilters.excludeMethods("head").and(ActivityFilters.excludeStatuses(404, 401));
        assertThat(f.test(ex("HEAD", "/", 200))).isFalse();
        assertThat(f.test(ex("GET", "/", 404))).isFalse();
        assertThat(f.test(ex("GET", "/", 401))).isFalse();
        assertThat(f.test(ex("GET", "/", 200))).isTrue();
        assertThat(ActivityFilters.excludeStatusRange(300, 399).test(ex("GET", "/", 302)))
                .isFalse();
        assertThat(ActivityFilters.excludeStatusRange(300, 399).test(ex("GET", "/", 200)))
                .isTrue();
        ActivityFilter or = ActivityFilters.includePaths("/a").or(ActivityFilters.includePaths("/b"));
        assertThat(or.test(ex("GET", "/b", 200))).isTrue();
        assertThat(or.test(ex("GET", "/c", 200))).isFalse();
        assertThat(ActivityFilter.all().and(f)).isSameAs(f);
        assertThat(ActivityFilters.allOf(java.util.List.of(f, ActivityFilters.excludePaths("/x")))
                        .test(ex("GET", "/x", 200)))
                .isFalse();
    }

    @Test
    void requestOnlyPartsAreDecidedEarly() {
        HttpRequestView health = HttpRequestView.builder("GET", "/health").build();
        HttpRequestView api = HttpRequestView.builder("GET", "/api").build();
        HttpRequestView head = HttpRequestView.builder("HEAD", "/api").build();
        ActivityFilter paths = ActivityFilters.excludePaths("/health");
        assertThat(ActivityFilters.mayRecord(paths, health)).isFalse();
        assertThat(ActivityFilters.mayRecord(paths, api)).isTrue();
        ActivityFilter mixed =
                paths.and(ActivityFilters.excludeStatuses(404)).and(ActivityFilters.excludeMethods("HEAD"));
        assertThat(ActivityFilters.mayRecord(mixed, health)).isFalse();
        assertThat(ActivityFilters.mayRecord(mixed, head)).isFalse();
        assertThat(ActivityFilters.mayRecord(mixed, api))
                .as("the status is not known yet")
                .isTrue();
        assertThat(mixed.test(ex("GET", "/api", 404))).isFalse();
        ActivityFilter statuses = ActivityFilters.excludeStatuses(404);
        assertThat(ActivityFilters.mayRecord(statuses.negate(), health)).isTrue();
        assertThat(ActivityFilters.mayRecord(ActivityFilters.includePaths("/a").or(statuses), health))
                .isTrue();
        assertThat(ActivityFilters.mayRecord(
                        ActivityFilters.includePaths("/a").or(ActivityFilters.includePaths("/b")), health))
                .isFalse();
        assertThat(ActivityFilters.mayRecord(ActivityFilter.all(), health)).isTrue();
        ActivityFilter custom = e -> e.path().startsWith("/x");
        assertThat(ActivityFilters.mayRecord(custom, health))
                .as("a custom filter is only decided at the end")
                .isTrue();

        HttpActivityMapper mapper = HttpActivityMapper.builder()
                .filter(ActivityFilters.excludePaths("/health"))
                .build();
        assertThat(mapper.mayRecord(health)).isFalse();
        assertThat(mapper.mayRecord(api)).isTrue();
        assertThat(HttpActivityMapper.builder().enabled(false).build().mayRecord(api))
                .isFalse();
    }

    @Test
    void emptyPatternRejected() {
        assertThatThrownBy(() -> ActivityFilters.excludePaths("")).isInstanceOf(IllegalArgumentException.class);
    }
}
