// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Factories for the common {@link ActivityFilter}s. Path patterns are matched against the request
 * path as received (without the query string): {@code /health} exactly, {@code *} within one
 * segment, {@code **} across segments ({@code /static/**} also matches {@code /static}), {@code ?}
 * one character. Patterns are compiled once, when the filter is made.
 *
 * <pre>{@code
 * ActivityFilters.excludePaths("/health", "/static/**", "/favicon.ico")
 *         .and(ActivityFilters.excludeStatuses(404));
 * }</pre>
 *
 * @since 0.1
 */
public final class ActivityFilters {
    static final ActivityFilter ALL = new RequestFilter(request -> true);

    private ActivityFilters() {}

    /** Records only requests whose path matches none of the patterns. */
    public static ActivityFilter excludePaths(String... patterns) {
        return includePaths(patterns).negate();
    }

    /** Records only requests whose path matches one of the patterns. */
    public static ActivityFilter includePaths(String... patterns) {
        PathPattern[] compiled =
                Arrays.stream(patterns).map(PathPattern::compile).toArray(PathPattern[]::new);
        return new RequestFilter(request -> {
            String path = request.path();
            for (PathPattern p : compiled) {
                if (p.matches(path)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Records only requests whose method is none of these (case-insensitive). */
    public static ActivityFilter excludeMethods(String... methods) {
        Set<String> set =
                Arrays.stream(methods).map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return new RequestFilter(request -> !set.contains(request.method())
                && !set.contains(request.method().toUpperCase(Locale.ROOT)));
    }

    /** Records only exchanges whose response status is none of these (the status as the server set it). */
    public static ActivityFilter excludeStatuses(int... statuses) {
        int[] sorted = statuses.clone();
        Arrays.sort(sorted);
        return exchange -> Arrays.binarySearch(sorted, exchange.status()) < 0;
    }

    /** Records only exchanges whose status lies outside {@code from..to} inclusive. */
    public static ActivityFilter excludeStatusRange(int from, int to) {
        return exchange -> exchange.status() < from || exchange.status() > to;
    }

    /** Combines filters: records what all of them record. */
    public static ActivityFilter allOf(List<ActivityFilter> filters) {
        ActivityFilter result = ALL;
        for (ActivityFilter f : filters) {
            result = result.and(Objects.requireNonNull(f, "filter"));
        }
        return result;
    }

    /**
     * False when the filter certainly rejects this request whatever its outcome: decided from the
     * request-only parts (paths, methods) of the filter; true when the outcome may still matter.
     */
    static boolean mayRecord(ActivityFilter f, HttpRequestView request) {
        if (f instanceof RequestFilter r) {
            return r.predicate().test(request);
        }
        if (f instanceof AndFilter a) {
            return mayRecord(a.left(), request) && mayRecord(a.right(), request);
        }
        if (f instanceof OrFilter o) {
            return mayRecord(o.left(), request) || mayRecord(o.right(), request);
        }
        return true;
    }

    static ActivityFilter and(ActivityFilter a, ActivityFilter b) {
        if (a == ALL) {
            return b;
        }
        if (b == ALL) {
            return a;
        }
        if (a instanceof RequestFilter ra && b instanceof RequestFilter rb) {
            return new RequestFilter(ra.predicate().and(rb.predicate()));
        }
        return new AndFilter(a, b);
    }

    static ActivityFilter or(ActivityFilter a, ActivityFilter b) {
        if (a instanceof RequestFilter ra && b instanceof RequestFilter rb) {
            return new RequestFilter(ra.predicate().or(rb.predicate()));
        }
        return new OrFilter(a, b);
    }

    static ActivityFilter not(ActivityFilter f) {
        if (f instanceof RequestFilter r) {
            return new RequestFilter(r.predicate().negate());
        }
        return exchange -> !f.test(exchange);
    }

    /** A filter that depends on the request only, so it can be decided when the request arrives. */
    private record RequestFilter(Predicate<HttpRequestView> predicate) implements ActivityFilter {
        @Override
        public boolean test(HttpExchange exchange) {
            return predicate.test(exchange.request());
        }
    }

    private record AndFilter(ActivityFilter left, ActivityFilter right) implements ActivityFilter {
        @Override
        public boolean test(HttpExchange exchange) {
            return left.test(exchange) && right.test(exchange);
        }
    }

    private record OrFilter(ActivityFilter left, ActivityFilter right) implements ActivityFilter {
        @Override
        public boolean test(HttpExchange exchange) {
            return left.test(exchange) || right.test(exchange);
        }
    }
}
