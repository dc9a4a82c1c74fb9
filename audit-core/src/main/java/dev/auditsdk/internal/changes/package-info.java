// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The implementation of {@code Changes.between}: turning objects into JSON-shaped trees, comparing
 * them path by path, masking and bounding what is reported. Not API. Depends on nothing in the SDK
 * but {@code internal.util}, so the API package can use it without a package cycle.
 */
@NullMarked
package dev.auditsdk.internal.changes;

import org.jspecify.annotations.NullMarked;
