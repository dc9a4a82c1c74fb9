// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.Objects;

/**
 * The object an action was done to: the seed's generic relation ({@code content_type} +
 * {@code object_id}). The id is a string so numbers, UUIDs and natural keys all fit.
 *
 * @param type the kind of object, e.g. {@code "Post"}; not blank
 * @param id the object's id, e.g. {@code "42"}; not blank
 * @since 0.1
 */
public record Target(String type, String id) {
    /** @throws IllegalArgumentException if type or id is blank */
    public Target {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("target type and id must not be blank");
        }
    }

    /** Same as the canonical constructor, for symmetry with the other factories. */
    public static Target of(String type, Object id) {
        return new Target(type, String.valueOf(Objects.requireNonNull(id, "id")));
    }

    @Override
    public String toString() {
        return type + "#" + id;
    }
}
