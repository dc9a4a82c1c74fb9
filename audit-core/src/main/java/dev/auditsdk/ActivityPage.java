// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results, newest first, with the cursor of the next page when there is one.
 *
 * @param items the records of this page, newest first
 * @param nextCursor pass to {@link ActivityQuery.Builder#cursor(String)} for the next page; absent on the last page
 * @since 0.1
 */
public record ActivityPage(List<ActivityLog> items, Optional<String> nextCursor) {
    public ActivityPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** A page with these items and this (nullable) next cursor. */
    public static ActivityPage of(List<ActivityLog> items, @Nullable String nextCursor) {
        return new ActivityPage(items, Optional.ofNullable(nextCursor));
    }
}
