// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import dev.auditsdk.internal.changes.DiffSettings;
import dev.auditsdk.internal.changes.PathPatterns;
import dev.auditsdk.internal.util.JsonShape;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Changes#between} compares and reports values. Paths are dotted ({@code "author.name"});
 * a pattern matches its path and every path below it, and a {@code *} segment matches any one
 * segment ({@code "*.password"}). Values inside a list share the list's path, so {@code
 * "items.price"} names the {@code price} of every element of {@code items}. Immutable and
 * thread-safe.
 *
 * @since 0.2
 */
public final class ChangeOptions {
    private static final ChangeOptions DEFAULTS = builder().build();

    private final PathPatterns ignored;
    private final PathPatterns masked;
    private final byte @Nullable [] fingerprintKey;
    private final int maxValueLength;
    private final int maxDepth;
    private final int maxChanges;
    private final boolean blankEqualsNull;
    private final boolean normalizeNumbers;
    private final ChronoUnit timePrecision;
    private final Sanitizer sanitizer;
    private final DiffSettings settings;

    private ChangeOptions(Builder b) {
        this.ignored = PathPatterns.of(b.ignored);
        this.masked = PathPatterns.of(b.masked);
        this.fingerprintKey = b.fingerprintKey;
        this.maxValueLength = b.maxValueLength;
        this.maxDepth = b.maxDepth;
        this.maxChanges = b.maxChanges;
        this.blankEqualsNull = b.blankEqualsNull;
        this.normalizeNumbers = b.normalizeNumbers;
        this.timePrecision = b.timePrecision;
        this.sanitizer = b.sanitizer;
        this.settings = new DiffSettings(
                ignored,
                this::isMasked,
                fingerprintKey,
                maxValueLength,
                maxDepth,
                maxChanges,
                blankEqualsNull,
                normalizeNumbers,
                timePrecision);
    }

    DiffSettings settings() {
        return settings;
    }

    /** No ignored or masked paths beyond secret-looking keys, values up to 1,024 chars, depth 10, 500 changes. */
    public static ChangeOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive changed ones. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ignored = ignored.patterns();
        b.masked = masked.patterns();
        b.fingerprintKey = fingerprintKey;
        b.maxValueLength = maxValueLength;
        b.maxDepth = maxDepth;
        b.maxChanges = maxChanges;
        b.blankEqualsNull = blankEqualsNull;
        b.normalizeNumbers = normalizeNumbers;
        b.timePrecision = timePrecision;
        b.sanitizer = sanitizer;
        return b;
    }

    /** Whether this path is ignored: never compared and never reported. */
    public boolean isIgnored(String path) {
        return ignored.matches(path);
    }

    /**
     * Whether the value at this path is masked: by a mask pattern, or because one of its segments is
     * a secret-looking key by the sanitizer's rule ({@link Sanitizer#isSecretKey}).
     */
    public boolean isMasked(String path) {
        if (masked.matches(path)) {
            return true;
        }
        for (String segment : PathPatterns.segments(path)) {
            if (sanitizer.isSecretKey(segment)) {
                return true;
            }
        }
        return false;
    }

    /** The fingerprint key, or empty when masked changes carry no fingerprint. */
    public byte @Nullable [] fingerprintKey() {
        return fingerprintKey == null ? null : fingerprintKey.clone();
    }

    public int maxValueLength() {
        return maxValueLength;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxChanges() {
        return maxChanges;
    }

    public boolean blankEqualsNull() {
        return blankEqualsNull;
    }

    public boolean normalizeNumbers() {
        return normalizeNumbers;
    }

    public ChronoUnit timePrecision() {
        return timePrecision;
    }

    /** Configures {@link ChangeOptions}; not thread-safe. */
    public static final class Builder {
        private List<String> ignored = List.of();
        private List<String> masked = List.of();
        private byte @Nullable [] fingerprintKey;
        private int maxValueLength = 1024;
        private int maxDepth = 10;
        private int maxChanges = 500;
        private boolean blankEqualsNull = true;
        private boolean normalizeNumbers = true;
        private ChronoUnit timePrecision = ChronoUnit.MICROS;
        private Sanitizer sanitizer = Sanitizer.defaults();

        private Builder() {}

        /**
         * Adds paths that are never compared nor reported, on any output path.
         *
         * @throws IllegalArgumentException for a blank pattern or an empty segment
         */
        public Builder ignore(String... paths) {
            this.ignored = concat(ignored, paths);
            return this;
        }

        /**
         * Adds paths whose values are reported as {@code "[REDACTED]"} on both sides when they change.
         *
         * @throws IllegalArgumentException for a blank pattern or an empty segment
         */
        public Builder mask(String... paths) {
            this.masked = concat(masked, paths);
            return this;
        }

        /**
         * Gives masked changes a keyed fingerprint of each side (HMAC-SHA256 of the normalized value,
         * first 128 bits as hex), so equal values show equal fingerprints without being revealed.
         * Keep the key secret: with it, a short value can be guessed by trying candidates.
         *
         * @throws IllegalArgumentException if the key is shorter than 16 bytes
         */
        public Builder fingerprintKey(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < 16) {
                throw new IllegalArgumentException("fingerprintKey must have at least 16 bytes, got " + key.length);
            }
            this.fingerprintKey = key.clone();
            return this;
        }

        /**
         * Longest reported value, in chars of its JSON text (default 1,024); a longer value is cut
         * with the sanitizer's {@code ...[truncated]} marker. Values are compared in full.
         */
        public Builder maxValueLength(int max) {
            this.maxValueLength = check(max, 32, (int) JsonShape.HARD_MAX_CHARS, "maxValueLength");
            return this;
        }

        /** Deepest nesting of objects followed (default 10); deeper values read as {@code ...[truncated]}. */
        public Builder maxDepth(int max) {
            this.maxDepth = check(max, 1, JsonShape.HARD_MAX_DEPTH, "maxDepth");
            return this;
        }

        /** Most changes reported (default 500); the rest are counted in {@link ChangeSet#omitted()}. */
        public Builder maxChanges(int max) {
            this.maxChanges = check(max, 1, 100_000, "maxChanges");
            return this;
        }

        /** Whether {@code null}, {@code ""} and blank text count as the same value (default true). */
        public Builder blankEqualsNull(boolean blankEqualsNull) {
            this.blankEqualsNull = blankEqualsNull;
            return this;
        }

        /** Whether numbers compare by value regardless of type and scale, {@code 1.50} equal to {@code 1.5} (default true). */
        public Builder normalizeNumbers(boolean normalizeNumbers) {
            this.normalizeNumbers = normalizeNumbers;
            return this;
        }

        /** Precision times are cut to before comparing (default microseconds, like the record's own times). */
        public Builder timePrecision(ChronoUnit unit) {
            Objects.requireNonNull(unit, "unit");
            if (unit.compareTo(ChronoUnit.DAYS) > 0) {
                throw new IllegalArgumentException("timePrecision must be at most DAYS, got " + unit);
            }
            this.timePrecision = unit;
            return this;
        }

        /** The sanitizer whose secret-key rule masks values (default {@link Sanitizer#defaults()}); use the recorder's. */
        public Builder sanitizer(Sanitizer sanitizer) {
            this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
            return this;
        }

        public ChangeOptions build() {
            return new ChangeOptions(this);
        }

        private static List<String> concat(List<String> list, String[] more) {
            Objects.requireNonNull(more, "paths");
            List<String> added = Arrays.asList(more);
            added.forEach(PathPatterns::validate);
            return java.util.stream.Stream.concat(list.stream(), added.stream()).toList();
        }

        private static int check(int v, int min, int max, String name) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", got " + v);
            }
            return v;
        }
    }
}
