// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Route names from path templates: {@code /api/posts/{id}} → {@code "posts-detail"}, for adapters
 * whose framework knows no route template (plain servlets). Rules are tried in order; the first
 * matching one wins. Templates have literal segments, whole-segment variables {@code {name}},
 * {@code *} for any one segment and a final {@code **} for any rest; path parameters ({@code ;…})
 * in the matched path are ignored. Immutable and thread-safe.
 *
 * <pre>{@code
 * PathRoutes routes = PathRoutes.builder()
 *         .add("/api/posts/{id}", "posts-detail")
 *         .add("/api/posts", "posts-list")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class PathRoutes {
    private final PathTemplate[] templates;
    private final String[] names;

    private PathRoutes(Builder b) {
        this.templates = b.templates.toArray(new PathTemplate[0]);
        this.names = b.names.toArray(new String[0]);
    }

    /** Starts an empty rule list. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name of the first rule whose template matches {@code path}, if any. */
    public Optional<String> route(String path) {
        if (templates.length == 0) {
            return Optional.empty();
        }
        String p = RequestPaths.normalize(Objects.requireNonNull(path, "path"));
        for (int i = 0; i < templates.length; i++) {
            if (templates[i].matches(p)) {
                return Optional.of(names[i]);
            }
        }
        return Optional.empty();
    }

    /** Collects rules for {@link PathRoutes}; not thread-safe. */
    public static final class Builder {
        private final List<PathTemplate> templates = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        private Builder() {}

        /**
         * A rule naming the paths that match {@code template}.
         *
         * @throws IllegalArgumentException if the template does not start with {@code /}, has an
         *     empty or duplicate variable name, a brace inside a segment or {@code **} anywhere but
         *     last
         */
        public Builder add(String template, String name) {
            PathTemplate t = PathTemplate.parse(template);
            names.add(Objects.requireNonNull(name, "name"));
            templates.add(t);
            return this;
        }

        /** Builds the routes; rules are tried in the order added. */
        public PathRoutes build() {
            return new PathRoutes(this);
        }
    }
}
