// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Small helpers that know no record type: text bounding and escaping, UUID v7 ids and the
 * JSON-shaping of record data. Not API: anything here may change in any release. Kept apart from the
 * rest of {@code dev.auditsdk.internal} so that the API packages can use them without a package
 * cycle (these depend on nothing in the SDK).
 */
@NullMarked
package dev.auditsdk.internal.util;

import org.jspecify.annotations.NullMarked;
