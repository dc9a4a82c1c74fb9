// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.Target;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the object a request acted on when the handler did not name one through
 * {@code ActivityContext}; for example from the path ({@link PathTargets}).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TargetResolver {
    /** The target of this exchange, if known. */
    Optional<Target> resolve(HttpExchange exchange);

    /** Finds no target (the default). */
    static TargetResolver none() {
        return exchange -> Optional.empty();
    }

    /** This resolver, or {@code other} when this one finds nothing. */
    default TargetResolver orElse(TargetResolver other) {
        Objects.requireNonNull(other, "other");
        return exchange -> {
            Optional<Target> t = resolve(exchange);
            return t.isPresent() ? t : other.resolve(exchange);
        };
    }
}
