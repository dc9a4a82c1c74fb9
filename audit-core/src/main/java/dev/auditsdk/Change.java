// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One changed value of a {@link ChangeSet}: its dotted path and the value before and after, as
 * JSON-shaped values (strings, numbers, booleans, {@code null}, lists and maps), bounded in size.
 * A masked change has {@code "[REDACTED]"} on both sides and, when the options carry a key, a keyed
 * fingerprint of each side, so that equal secret values can be recognised without being revealed.
 *
 * @param path dotted path of the value, e.g. {@code "author.name"}; {@code "value"} when two plain values are compared
 * @param oldValue the value before; {@code null} when it was absent or null
 * @param newValue the value after; {@code null} when it is absent or null
 * @param masked whether both values were replaced by {@code "[REDACTED]"}
 * @param oldFingerprint keyed fingerprint of the real value before (masked changes with a key only)
 * @param newFingerprint keyed fingerprint of the real value after (masked changes with a key only)
 * @since 0.2
 */
public record Change(
        String path,
        @Nullable Object oldValue,
        @Nullable Object newValue,
        boolean masked,
        @Nullable String oldFingerprint,
        @Nullable String newFingerprint) {
    public Change {
        Objects.requireNonNull(path, "path");
    }
}
