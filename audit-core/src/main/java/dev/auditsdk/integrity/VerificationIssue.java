// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One finding of the {@link ActivityVerifier}.
 *
 * @param kind what is wrong
 * @param chainId the chain, empty for rows without one
 * @param seq the chain position concerned
 * @param id the row concerned, when there is one (a gap names the row after it)
 * @param detail a human-readable explanation
 * @since 0.1
 */
public record VerificationIssue(
        Kind kind, String chainId, long seq, @Nullable UUID id, String detail) {
    public VerificationIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of finding; every one of them means the trail cannot be trusted as it is. */
    public enum Kind {
        /** The row's content (or its stored hash) no longer matches its hash. */
        ALTERED,
        /** The row is valid but sits at another chain position than it was written at. */
        REORDERED,
        /** A row that was never written by the chain's writer (a second row at one position). */
        INSERTED,
        /** Positions missing from the chain (deleted rows), not explained by retention. */
        GAP,
        /** The row's {@code prev_hash} is not the hash of the row before it. */
        LINK_BROKEN,
        /** A row without chain values, in a trail whose rows are chained. */
        UNCHAINED,
        /** The chain ends before a signed checkpoint says it reached. */
        TRUNCATED,
        /**
         * A row after the chain's signed closing checkpoint: its recorder had closed, so someone else
         * appended it. Named once per chain, at the first such row.
         */
        APPENDED_AFTER_CLOSE,
        /** A row's hash differs from the hash a signed checkpoint recorded for its position: the chain was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint whose signature is invalid, or a break in the checkpoint chain. */
        CHECKPOINT_INVALID,
        /** Rows of a chain no checkpoint declares, while checkpoints are in use. */
        UNKNOWN_CHAIN
    }

    @Override
    public String toString() {
        return kind + " chain=" + chainId + " seq=" + seq + (id == null ? "" : " id=" + id) + ": " + detail;
    }
}
