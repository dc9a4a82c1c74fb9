// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import java.util.Locale;

/**
 * Which capture made a record: an HTTP adapter, an authentication listener, or application code.
 *
 * @since 0.1
 */
public enum Source {
    HTTP,
    AUTH,
    APP;

    /** The value stored in the {@code source} column: {@code http}, {@code auth} or {@code app}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The source stored as {@code wireName}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Source fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
