// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives the action of a request; an empty result means the request is not recorded. The default,
 * {@link #byMethod()}, is the seed's mapping.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ActionMapper {
    /** The action of this request, or empty to leave it unrecorded. */
    Optional<ActionType> action(HttpExchange exchange);

    /**
     * GET and HEAD → Read, POST → Create, PUT and PATCH → Update, DELETE → Delete; every other
     * method (OPTIONS, TRACE, CONNECT, custom ones) is not recorded.
     */
    static ActionMapper byMethod() {
        return MethodActions.SEED;
    }

    /**
     * A method table (method names matched case-insensitively); methods not in it are not recorded.
     * Example: {@code ActionMapper.byMethod(Map.of("GET", ActionType.READ, "REPORT", ActionType.of("Report")))}.
     */
    static ActionMapper byMethod(Map<String, ActionType> table) {
        return new MethodActions(Objects.requireNonNull(table, "table"));
    }

    /** This mapping, falling back to {@code other} where this one records nothing. */
    default ActionMapper orElse(ActionMapper other) {
        Objects.requireNonNull(other, "other");
        return exchange -> {
            Optional<ActionType> a = action(exchange);
            return a.isPresent() ? a : other.action(exchange);
        };
    }
}
