// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.internal.changes.ChangeDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Field-level differences between two versions of an object, for records that say not only that
 * something was updated but which value went from what to what:
 *
 * <pre>{@code
 * recorder.record(ActionType.UPDATE, b -> b.target("Post", id).changes(Changes.between(old, updated)));
 * }</pre>
 *
 * <p>{@code before} and {@code after} may be maps, lists, records, beans (read by their fields),
 * JSON-shaped trees or plain values; {@code null} stands for "absent" (an insert or a delete).
 * Nested values get dotted paths ({@code "author.name"}); lists are compared and reported as whole
 * values. Following objects is bounded in depth ({@link ChangeOptions.Builder#maxDepth}) and in
 * total size, and a back-reference to an object already on the path reads as {@code "[cycle]"}.
 * Values are normalized before comparing: numbers by value ({@code 1.50} equals {@code 1.5}),
 * times cut to microseconds, blank text equal to {@code null} (each configurable), so that no
 * spurious change is reported. Masked paths and secret-looking keys (the recorder's
 * {@link Sanitizer} rule) show as changed with {@code "[REDACTED]"} on both sides; ignored paths
 * appear nowhere in the result.
 *
 * @since 0.2
 */
public final class Changes {
    private Changes() {}

    /** The changes from {@code before} to {@code after} with {@link ChangeOptions#defaults()}. */
    public static ChangeSet between(@Nullable Object before, @Nullable Object after) {
        return between(before, after, ChangeOptions.defaults());
    }

    /**
     * The changes from {@code before} to {@code after}.
     *
     * @throws IllegalArgumentException if a map has a null key
     */
    public static ChangeSet between(@Nullable Object before, @Nullable Object after, ChangeOptions options) {
        Objects.requireNonNull(options, "options");
        ChangeDiff.Result r = ChangeDiff.diff(before, after, options.settings());
        List<Change> changes = new ArrayList<>(r.entries().size());
        for (ChangeDiff.Entry e : r.entries()) {
            changes.add(new Change(
                    e.path(), e.oldValue(), e.newValue(), e.masked(), e.oldFingerprint(), e.newFingerprint()));
        }
        return ChangeSet.of(changes, r.omitted());
    }
}
