// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Targets from path templates: {@code /api/posts/{id}} → {@code Target("Post", id)}. Rules are
 * tried in order; the first matching one wins.
 *
 * <pre>{@code
 * TargetResolver targets = PathTargets.builder()
 *         .add("/api/posts/{id}", "Post")
 *         .add("/api/users/{user}/posts/{post}", "Post", "post")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class PathTargets implements TargetResolver {
    private final PathTemplate[] templates;
    private final String[] types;
    private final String[] variables;

    private PathTargets(Builder b) {
        this.templates = b.templates.toArray(new PathTemplate[0]);
        this.types = b.types.toArray(new String[0]);
        this.variables = b.variables.toArray(new String[0]);
    }

    /** Starts an empty rule list. */
    public static Builder builder() {
        return new Builder();
    }

    /** The target of the exchange's path. */
    @Override
    public Optional<Target> resolve(HttpExchange exchange) {
        return resolvePath(exchange.path());
    }

    /**
     * The target of a path, e.g. one an adapter made relative to the application's context path;
     * path parameters ({@code ;…}) are ignored, as {@link HttpRequestView} ignores them.
     */
    public Optional<Target> resolvePath(String path) {
        path = RequestPaths.normalize(path);
        for (int i = 0; i < templates.length; i++) {
            Optional<String> id = templates[i].variable(path, variables[i]);
            if (id.isPresent() && !id.get().isBlank()) {
                return Optional.of(new Target(types[i], id.get()));
            }
        }
        return Optional.empty();
    }

    /** Collects rules for {@link PathTargets}. */
    public static final class Builder {
        private final List<PathTemplate> templates = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> variables = new ArrayList<>();

        private Builder() {}

        /**
         * A rule whose target id is the template's only (or last) variable.
         *
         * @throws IllegalArgumentException if the template has no variable
         */
        public Builder add(String template, String targetType) {
            List<String> names = PathTemplate.parse(template).variableNames();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("template has no {variable} for the target id: " + template);
            }
            return add(template, targetType, names.get(names.size() - 1));
        }

        /**
         * A rule whose target id is the variable {@code idVariable}.
         *
         * @throws IllegalArgumentException if the template has no such variable, or the type is blank
         */
        public Builder add(String template, String targetType, String idVariable) {
            PathTemplate t = PathTemplate.parse(template);
            if (!t.variableNames().contains(Objects.requireNonNull(idVariable, "idVariable"))) {
                throw new IllegalArgumentException("no {" + idVariable + "} in " + template);
            }
            if (Objects.requireNonNull(targetType, "targetType").isBlank()) {
                throw new IllegalArgumentException("target type must not be blank");
            }
            templates.add(t);
            types.add(targetType);
            variables.add(idVariable);
            return this;
        }

        /** Builds the resolver; rules are tried in the order added. */
        public PathTargets build() {
            return new PathTargets(this);
        }
    }
}
