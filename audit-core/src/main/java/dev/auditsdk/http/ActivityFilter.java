package dev.auditsdk.http;

import java.util.Objects;

/**
 * Decides whether a finished exchange is recorded. Filters compose with {@link #and} and
 * {@link #or}; {@link ActivityFilters} makes the common ones.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ActivityFilter {
    /** True to record the exchange. */
    boolean test(HttpExchange exchange);

    /** Records everything (the default). */
    static ActivityFilter all() {
        return ActivityFilters.ALL;
    }

    /** Records what both this filter and {@code other} record. */
    default ActivityFilter and(ActivityFilter other) {
        Objects.requireNonNull(other, "other");
        if (this == ActivityFilters.ALL) {
            return other;
        }
        return other == ActivityFilters.ALL ? this : exchange -> test(exchange) && other.test(exchange);
    }

    /** Records what this filter or {@code other} records. */
    default ActivityFilter or(ActivityFilter other) {
        Objects.requireNonNull(other, "other");
        return exchange -> test(exchange) || other.test(exchange);
    }

    /** Records what this filter does not. */
    default ActivityFilter negate() {
        return exchange -> !test(exchange);
    }
}
