package dev.auditsdk.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
    static final ActivityFilter ALL = exchange -> true;

    private ActivityFilters() {}

    /** Records only requests whose path matches none of the patterns. */
    public static ActivityFilter excludePaths(String... patterns) {
        return includePaths(patterns).negate();
    }

    /** Records only requests whose path matches one of the patterns. */
    public static ActivityFilter includePaths(String... patterns) {
        PathPattern[] compiled = Arrays.stream(patterns).map(PathPattern::compile).toArray(PathPattern[]::new);
        return exchange -> {
            String path = exchange.path();
            for (PathPattern p : compiled) {
                if (p.matches(path)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Records only requests whose method is none of these (case-insensitive). */
    public static ActivityFilter excludeMethods(String... methods) {
        Set<String> set = Arrays.stream(methods).map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return exchange -> !set.contains(exchange.method()) && !set.contains(exchange.method().toUpperCase(Locale.ROOT));
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
}
