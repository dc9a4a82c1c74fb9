// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.changes;

import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** What {@link ChangeDiff} reads, fixed when {@code ChangeOptions} was built (which validates). Not API. */
public final class DiffSettings {
    /** Paths never compared nor reported. */
    final PathPatterns ignored;
    /** Whether a path's value is masked (mask patterns and the sanitizer's secret-key rule). */
    final Predicate<String> masked;
    /** HMAC key of masked values' fingerprints, or null for none. */
    final byte @Nullable [] fingerprintKey;

    final int maxValueLength;
    final int maxDepth;
    final int maxChanges;
    final boolean blankEqualsNull;
    final boolean normalizeNumbers;
    final ChronoUnit timePrecision;

    @SuppressWarnings("TooManyParameters") // a plain carrier filled from one builder
    public DiffSettings(
            PathPatterns ignored,
            Predicate<String> masked,
            byte @Nullable [] fingerprintKey,
            int maxValueLength,
            int maxDepth,
            int maxChanges,
            boolean blankEqualsNull,
            boolean normalizeNumbers,
            ChronoUnit timePrecision) {
        this.ignored = ignored;
        this.masked = masked;
        this.fingerprintKey = fingerprintKey == null ? null : fingerprintKey.clone();
        this.maxValueLength = maxValueLength;
        this.maxDepth = maxDepth;
        this.maxChanges = maxChanges;
        this.blankEqualsNull = blankEqualsNull;
        this.normalizeNumbers = normalizeNumbers;
        this.timePrecision = timePrecision;
    }
}
