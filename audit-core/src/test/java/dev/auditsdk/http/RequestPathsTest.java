// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathsTest {

    @ParameterizedTest
    @CsvSource({
        "/api/posts/7, /api/posts/7",
        "/shop;jsessionid=A1B2/cart;v=2, /shop/cart",
        "/health;x, /health",
        "/a;b;c/d, /a/d",
        "/;x/y, //y",
        "/, /",
        "'', ''",
        ";jsessionid=1, ''",
    })
    void stripsPathParameters(String in, String out) {
        assertThat(RequestPaths.withoutPathParameters(in)).isEqualTo(out);
    }
}
