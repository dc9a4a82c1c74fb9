// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
/**
 * Tamper evidence: signed checkpoints ({@link dev.auditsdk.integrity.Checkpoints},
 * {@link dev.auditsdk.integrity.Checkpoint}, {@link dev.auditsdk.integrity.CheckpointSink}), the
 * verifier ({@link dev.auditsdk.integrity.ActivityVerifier}) and its report, and retention that the
 * verifier can tell from tampering ({@link dev.auditsdk.integrity.ActivityRetention}). Each recorder
 * links its records into a hash chain, {@code hash = SHA-256(canonical record ‖ prev_hash)}; the
 * canonical bytes are specified in the source of {@code dev.auditsdk.internal.integrity.CanonicalForm}
 * (README "Integrity"), so a third party can verify a trail without this library.
 */
@NullMarked
package dev.auditsdk.integrity;

import org.jspecify.annotations.NullMarked;
