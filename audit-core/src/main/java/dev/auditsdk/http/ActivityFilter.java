// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import java.util.Objects;

/**
 * Decides whether a finished exchange is recorded. Filters compose with {@link #and} and
 * {@link #or}; {@link ActivityFilters} makes the common ones. Path and method filters made there
 * (and their combinations) are also decided when the request arrives, so an excluded request costs
 * the adapter nothing more ({@link HttpActivityMapper#mayRecord}).
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
        return ActivityFilters.and(this, Objects.requireNonNull(other, "other"));
    }

    /** Records what this filter or {@code other} records. */
    default ActivityFilter or(ActivityFilter other) {
        return ActivityFilters.or(this, Objects.requireNonNull(other, "other"));
    }

    /** Records what this filter does not. */
    default ActivityFilter negate() {
        return ActivityFilters.not(this);
    }
}
