// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The method table behind {@link ActionMapper#byMethod}; Optionals are made once, not per request. */
final class MethodActions implements ActionMapper {
    static final MethodActions SEED = new MethodActions(Map.of(
            "GET",
            ActionType.READ,
            "HEAD",
            ActionType.READ,
            "POST",
            ActionType.CREATE,
            "PUT",
            ActionType.UPDATE,
            "PATCH",
            ActionType.UPDATE,
            "DELETE",
            ActionType.DELETE));

    private final Map<String, Optional<ActionType>> table;

    MethodActions(Map<String, ActionType> table) {
        Map<String, Optional<ActionType>> t = new HashMap<>();
        table.forEach((k, v) -> t.put(k.toUpperCase(Locale.ROOT), Optional.of(Objects.requireNonNull(v, k))));
        this.table = Map.copyOf(t);
    }

    @Override
    public Optional<ActionType> action(HttpExchange exchange) {
        String method = exchange.method();
        Optional<ActionType> a = table.get(method);
        if (a == null) {
            a = table.get(method.toUpperCase(Locale.ROOT));
        }
        return a == null ? Optional.empty() : a;
    }
}
