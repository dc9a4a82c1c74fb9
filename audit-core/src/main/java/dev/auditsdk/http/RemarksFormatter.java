// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes the default remarks of a request's record (used when the handler set none through
 * {@code ActivityContext}). The default is the seed's form:
 * {@code User: alice -- Action Type: Update -- Path: /api/posts/7 -- Path Name: posts-detail}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RemarksFormatter {
    /** The seed's template; a missing user or route prints as {@code None}, as in the seed. */
    String SEED_TEMPLATE = "User: {user} -- Action Type: {action} -- Path: {path} -- Path Name: {route}";

    /**
     * The remarks for this exchange.
     *
     * @param actor the resolved actor, null when anonymous
     */
    String remarks(HttpExchange exchange, @Nullable String actor, ActionType action);

    /** The seed's remarks ({@link #SEED_TEMPLATE}). */
    static RemarksFormatter seed() {
        return RemarksTemplate.SEED;
    }

    /**
     * Remarks from a template with placeholders {@code {user}}, {@code {action}}, {@code {method}},
     * {@code {path}}, {@code {route}}, {@code {status}}; <code>&#123;&#123;</code> is a literal opening brace. Parsed once, here.
     *
     * @throws IllegalArgumentException for an unknown placeholder or an unclosed brace
     */
    static RemarksFormatter template(String template) {
        return RemarksTemplate.parse(Objects.requireNonNull(template, "template"), false);
    }

    /**
     * Remarks from a template in the syntax of {@link #template(String)} where any other
     * <code>&#123;name&#125;</code> is the path variable {@code name} of the matched route
     * ({@link HttpExchange#pathVariables()}), e.g. <code>&#123;user&#125; changed post &#123;id&#125;</code>.
     * The six names above always mean their own values, so a path variable can never pose as the
     * user; a variable the request does not have is written as <code>&#123;name&#125;</code>.
     * Names are letters, digits, {@code _}, {@code -} and {@code .}.
     *
     * @throws IllegalArgumentException for an unclosed brace or a name with other characters
     */
    static RemarksFormatter templateWithPathVariables(String template) {
        return RemarksTemplate.parse(Objects.requireNonNull(template, "template"), true);
    }
}
