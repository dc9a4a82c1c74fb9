// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's {@code ArticleListView}: nothing audit-specific in the code, yet every call is recorded
 * (action Read, the default remarks) by the SDK's MVC interceptor.
 */
@RestController
class ArticleController {
    private final BlogRepository blog;

    ArticleController(BlogRepository blog) {
        this.blog = blog;
    }

    @GetMapping("/api/articles")
    Map<String, List<Article>> articles() {
        return Map.of("articles", blog.articles());
    }
}
