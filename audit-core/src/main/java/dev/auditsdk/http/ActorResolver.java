// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Tells who made a request. Called when the response is complete, after authentication has run,
 * so principals set by token, JWT or basic authentication are seen.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ActorResolver {
    /** The actor's id, empty for an anonymous request. */
    Optional<String> resolve(HttpExchange exchange);

    /** The framework's principal name ({@link HttpExchange#principal()}): the default. */
    static ActorResolver principal() {
        return HttpExchange::principal;
    }

    /** This resolver, or {@code other} when this one finds no actor. */
    default ActorResolver orElse(ActorResolver other) {
        Objects.requireNonNull(other, "other");
        return exchange -> {
            Optional<String> actor = resolve(exchange);
            return actor.isPresent() ? actor : other.resolve(exchange);
        };
    }
}
