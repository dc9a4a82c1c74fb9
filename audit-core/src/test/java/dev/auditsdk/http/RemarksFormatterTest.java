// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import org.junit.jupiter.api.Test;

class RemarksFormatterTest {
    private static final HttpExchange EX = HttpExchange.builder(
                    HttpRequestView.builder("PATCH", "/api/posts/7").build())
            .route("posts-detail")
            .status(201)
            .build();

    @Test
    void seedFormExactly() {
        assertThat(RemarksFormatter.seed().remarks(EX, "alice", ActionType.UPDATE))
                .isEqualTo("User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail");
    }

    @Test
    void templatePlaceholders() {
        assertThat(RemarksFormatter.template("[{USER}|{action}|{method}|{path}|{route}|{status}]")
                        .remarks(EX, null, ActionType.UPDATE))
                .isEqualTo("[None|Update|PATCH|/api/posts/7|posts-detail|201]");
        assertThat(RemarksFormatter.template("plain").remarks(EX, "a", ActionType.READ))
                .isEqualTo("plain");
        assertThat(RemarksFormatter.template("").remarks(EX, "a", ActionType.READ))
                .isEmpty();
    }

    @Test
    void badTemplatesFailAtConfiguration() {
        assertThatThrownBy(() -> RemarksFormatter.template("{nope}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> RemarksFormatter.template("{user")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathVariablesFillOtherNamesButNeverTheUser() {
        HttpExchange ex = HttpExchange.builder(HttpRequestView.builder("PUT", "/api/users/mallory/posts/7")
                        .build())
                .route("/api/users/{user}/posts/{id}")
                .pathVariables(java.util.Map.of("id", "7", "user", "mallory"))
                .build();
        RemarksFormatter f = RemarksFormatter.templateWithPathVariables("{user} changed post {id} of {owner} {{x}");
        assertThat(f.remarks(ex, "alice", ActionType.UPDATE)).isEqualTo("alice changed post 7 of {owner} {x}");
        assertThat(RemarksFormatter.templateWithPathVariables("{route}|{status}|{post.id}|{a-b_c}")
                        .remarks(ex, null, ActionType.UPDATE))
                .isEqualTo("/api/users/{user}/posts/{id}|200|{post.id}|{a-b_c}");
    }

    @Test
    void pathVariableTemplatesRejectUnclosedBracesAndOddNames() {
        assertThatThrownBy(() -> RemarksFormatter.templateWithPathVariables("post {id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemarksFormatter.templateWithPathVariables("{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemarksFormatter.templateWithPathVariables("{a b}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a b");
    }
}
