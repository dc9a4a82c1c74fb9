// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.integrity;

/** JSON string quoting exactly as {@link CanonicalForm} specifies it. */
public final class ActivityJsonText {
    private ActivityJsonText() {}

    /** {@code s} as a JSON string literal, quoted as the canonical form quotes it. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        CanonicalForm.string(sb, s);
        return sb.toString();
    }
}
