// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

/**
 * Whether the action worked. HTTP captures mark a request {@link #FAILED} when its response code is
 * 400 or above or when the handler threw.
 *
 * @since 0.1
 */
public enum Status {
    SUCCESS("Success"),
    FAILED("Failed");

    private final String displayName;

    Status(String displayName) {
        this.displayName = displayName;
    }

    /** The seed's wording: {@code "Success"} or {@code "Failed"}. */
    public String displayName() {
        return displayName;
    }
}
