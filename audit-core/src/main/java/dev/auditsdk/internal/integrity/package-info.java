// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * The hash chain and the canonical bytes it hashes (specified in {@link
 * dev.auditsdk.internal.integrity.CanonicalForm}). Not API: anything here may change in any
 * release. Depends only on the record model, so the public {@code dev.auditsdk.integrity} types and
 * the recorder pipeline can both use it.
 */
@NullMarked
package dev.auditsdk.internal.integrity;

import org.jspecify.annotations.NullMarked;
