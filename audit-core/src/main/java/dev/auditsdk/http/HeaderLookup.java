// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads request headers on demand, so that an adapter copies nothing it does not need. Names are
 * case-insensitive. Valid while the adapter is handling the exchange.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HeaderLookup {
    /** The first value of the header, or null when it is absent. */
    @Nullable
    String first(String name);

    /**
     * Every value of the header in the order received (one per header line); by default the first
     * only. Adapters override it so that a forwarding chain split over several lines is seen whole.
     */
    default List<String> all(String name) {
        String v = first(name);
        return v == null ? List.of() : List.of(v);
    }

    /** No headers at all. */
    static HeaderLookup none() {
        return name -> null;
    }

    /** Headers from a map of name to values (for tests and simple adapters); names matched case-insensitively. */
    static HeaderLookup of(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(
                (k, v) -> copy.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new HeaderLookup() {
            @Override
            public @Nullable String first(String name) {
                List<String> v = copy.get(Objects.requireNonNull(name, "name"));
                return v == null || v.isEmpty() ? null : v.get(0);
            }

            @Override
            public List<String> all(String name) {
                return copy.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
            }
        };
    }
}
