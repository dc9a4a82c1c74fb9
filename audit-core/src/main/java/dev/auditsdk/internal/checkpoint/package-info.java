// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Drives one recorder's signed checkpoints from its hash chain. Not API: anything here may change
 * in any release. Kept apart from {@code dev.auditsdk.internal.integrity} because it uses the public
 * checkpoint types of {@code dev.auditsdk.integrity}, which themselves use the hashing in
 * {@code internal.integrity}: one package would be a cycle.
 */
@NullMarked
package dev.auditsdk.internal.checkpoint;

import org.jspecify.annotations.NullMarked;
