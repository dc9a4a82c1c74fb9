/**
 * Tamper evidence: the canonical form of a record ({@link dev.auditsdk.integrity.CanonicalForm}),
 * the per-writer hash chain ({@link dev.auditsdk.integrity.HashChain}), signed checkpoints
 * ({@link dev.auditsdk.integrity.Checkpoints}) and the verifier
 * ({@link dev.auditsdk.integrity.ActivityVerifier}).
 */
@NullMarked
package dev.auditsdk.integrity;

import org.jspecify.annotations.NullMarked;
