// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathRoutesTest {
    private final PathRoutes routes = PathRoutes.builder()
            .add("/api/posts/{id}", "posts-detail")
            .add("/api/posts", "posts-list")
            .add("/static/**", "static")
            .build();

    @Test
    void theFirstMatchingTemplateNamesTheRoute() {
        assertThat(routes.route("/api/posts/7")).contains("posts-detail");
        assertThat(routes.route("/api/posts")).contains("posts-list");
        assertThat(routes.route("/static/css/site.css")).contains("static");
        assertThat(routes.route("/api/users")).isEmpty();
    }

    @Test
    void pathParametersDoNotHideTheRoute() {
        assertThat(routes.route("/api/posts;jsessionid=A1B2/7;v=2")).contains("posts-detail");
        assertThat(PathRoutes.builder().add("/", "home").build().route(";x")).contains("home");
    }

    @Test
    void aBadTemplateFailsWhereItIsAdded() {
        assertThatThrownBy(() -> PathRoutes.builder().add("api/posts", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathRoutes.builder().add("/a/**/b", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestViewsAndPathTargetsDropPathParameters() {
        assertThat(HttpRequestView.builder("GET", "/shop;jsessionid=A1B2/cart;v=2")
                        .build()
                        .path())
                .isEqualTo("/shop/cart");
        assertThat(PathTargets.builder().add("/api/posts/{id}", "Post").build().resolvePath("/api/posts/7;v=1"))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("7"));
    }
}
