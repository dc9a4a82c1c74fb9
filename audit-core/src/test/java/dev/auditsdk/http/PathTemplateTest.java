// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathTemplateTest {

    @ParameterizedTest
    @CsvSource({
        "/api/posts/{id}, /api/posts/7, true",
        "/api/posts/{id}, /api/posts/, false",
        "/api/posts/{id}, /api/posts/7/, false",
        "/api/posts/{id}, /api/posts/7/comments, false",
        "/api/posts/{id}, /api/posts, false",
        "/api/posts/{id}, /api/postsx/7, false",
        "/api/*/edit, /api/x/edit, true",
        "/static/**, /static, true",
        "/static/**, /static/a/b, true",
        "/static/**, /staticx/a, false",
        "/, /, true",
        "/, /x, false",
        "/a, a, false",
        "/a, '', false",
    })
    void matches(String template, String path, boolean expected) {
        assertThat(PathTemplate.parse(template).matches(path)).isEqualTo(expected);
    }

    @Test
    void extractsVariables() {
        PathTemplate t = PathTemplate.parse("/api/users/{user}/posts/{post}");
        assertThat(t.variableNames()).containsExactly("user", "post");
        assertThat(t.variable("/api/users/alice/posts/42", "post")).contains("42");
        assertThat(t.variable("/api/users/alice/posts/42", "user")).contains("alice");
        assertThat(t.variable("/api/users/alice/posts/42", "nope")).isEmpty();
        assertThat(t.variable("/api/users/alice/posts", "user")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/x", "/a/{}/b", "/a/{x}/{x}", "/a/x{y}", "/**/a", "/a/b*"})
    void rejectsBadTemplates(String template) {
        assertThatThrownBy(() -> PathTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathTargetsFirstMatchWins() {
        PathTargets targets = PathTargets.builder()
                .add("/api/users/{user}/posts/{post}", "Post", "post")
                .add("/api/posts/{id}", "Post")
                .add("/api/users/{id}", "User")
                .build();
        assertThat(targets.resolve(ex("/api/posts/7"))).contains(Target.of("Post", "7"));
        assertThat(targets.resolve(ex("/api/users/bob/posts/9"))).contains(Target.of("Post", "9"));
        assertThat(targets.resolve(ex("/api/users/bob"))).contains(Target.of("User", "bob"));
        assertThat(targets.resolve(ex("/api/other/1"))).isEmpty();
        assertThatThrownBy(() -> PathTargets.builder().add("/api/posts", "Post"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTargets.builder().add("/api/posts/{id}", "Post", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpExchange ex(String path) {
        return HttpExchange.builder(HttpRequestView.builder("GET", path).build())
                .build();
    }
}
