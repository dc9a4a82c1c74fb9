// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import dev.auditsdk.ActivityLog;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Checks a stored trail against its hash chains and signed checkpoints. Feed it every row of the
 * trail ordered by {@code (chain_id, chain_seq, id)} ({@link #verify(Iterable)}, or row by row
 * through a {@link Session}); it recomputes each hash (over the canonical form of {@code dev.auditsdk.internal.integrity}) and reports altered,
 * reordered, inserted and missing rows, broken links, unchained rows and, against the checkpoints,
 * chains rewritten wholesale or truncated at the tail.
 *
 * <p>Retention is not tampering: ranges missing at the head of a chain, or just around the cutoff,
 * are counted as purged when the cutoff is known, either from {@link Builder#purgedBefore} or from
 * the trail itself: a record with action {@code Purge} and data {@code {"purgedBefore": "<instant>"}}
 * (written by {@link ActivityRetention}). A chain whose recorder closed ends at its signed closing
 * checkpoint ({@link Checkpoint#closed()}): rows after it are reported as appended. Rows after the
 * last checkpoint of a chain that was not closed (its recorder is running, or died) are only as
 * trustworthy as the database: checkpoint often.
 *
 * @since 0.1
 */
public final class ActivityVerifier {
    /** Slack around a retention cutoff for records made in the same instant as it. */
    static final Duration PURGE_SKEW = Duration.ofMinutes(1);

    final List<Checkpoint> checkpoints;
    final @Nullable PublicKey key;
    final @Nullable Instant purgedBefore;
    final int maxIssues;
    final Predicate<ActivityLog> withheld;

    private ActivityVerifier(Builder b) {
        this.checkpoints = List.copyOf(b.checkpoints);
        this.key = b.key;
        this.purgedBefore = b.purgedBefore;
        this.maxIssues = b.maxIssues;
        this.withheld = b.withheld;
    }

    /** Starts configuring a verifier. */
    public static Builder builder() {
        return new Builder();
    }

    /** Verifies a whole trail, rows in {@code (chain_id, chain_seq, id)} order. */
    public VerificationReport verify(Iterable<ActivityLog> rows) {
        Session s = start();
        for (ActivityLog row : rows) {
            s.add(row);
        }
        return s.finish();
    }

    /** Starts a verification fed row by row (for streaming large trails). */
    public Session start() {
        return new Session(this);
    }

    /** One verification run; not thread-safe. */
    public static final class Session {
        private final VerifierState state;

        Session(ActivityVerifier v) {
            this.state = new VerifierState(v);
        }

        /** Checks the next row. */
        public void add(ActivityLog row) {
            state.add(Objects.requireNonNull(row, "row"));
        }

        /** Rows checked so far. */
        public long rowsChecked() {
            return state.rows;
        }

        /** Finishes (tail and checkpoint checks) and reports. */
        public VerificationReport finish() {
            return state.finish();
        }
    }

    /** Configures an {@link ActivityVerifier}. */
    public static final class Builder {
        private List<Checkpoint> checkpoints = List.of();
        private @Nullable PublicKey key;
        private @Nullable Instant purgedBefore;
        private int maxIssues = 1000;
        private Predicate<ActivityLog> withheld = row -> false;

        private Builder() {}

        /**
         * Rows the report must not name: they are checked exactly like every other row (their hash
         * recomputed, their links, position and checkpoints checked, a retention marker among them
         * honoured), but a finding about one of them carries no id and says only that a withheld row
         * is concerned, at its chain and position. This is how one tenant's auditor verifies the
         * chains that interleave its rows with other tenants' rows without learning their content
         * or ids; the report still shows how many rows each chain has and where a finding sits.
         *
         * @since 0.1
         */
        public Builder withholding(Predicate<ActivityLog> rows) {
            this.withheld = Objects.requireNonNull(rows, "rows");
            return this;
        }

        /** Signed checkpoints to check the chains against, and the public key they were signed with. */
        public Builder checkpoints(List<Checkpoint> checkpoints, PublicKey key) {
            this.checkpoints = List.copyOf(checkpoints);
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** A retention cutoff known from elsewhere: chain ranges missing before it are not reported. */
        public Builder purgedBefore(Instant cutoff) {
            this.purgedBefore = Objects.requireNonNull(cutoff, "cutoff");
            return this;
        }

        /** The most findings kept in the report (default 1,000; all are counted). */
        public Builder maxIssues(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxIssues must be >= 1");
            }
            this.maxIssues = max;
            return this;
        }

        public ActivityVerifier build() {
            return new ActivityVerifier(this);
        }
    }

    /** Valid checkpoints by chain and seq, and the checkpoint-chain findings. */
    static Map<String, Map<Long, Checkpoint>> checkedCheckpoints(
            ActivityVerifier v, List<VerificationIssue> issues, int[] valid) {
        Map<String, Map<Long, Checkpoint>> out = new HashMap<>();
        Map<String, String> lastId = new HashMap<>();
        for (Checkpoint c : v.checkpoints) {
            boolean signed = v.key != null && c.verify(v.key);
            String expected = lastId.getOrDefault(c.chainId(), "");
            if (!signed) {
                issues.add(new VerificationIssue(
                        VerificationIssue.Kind.CHECKPOINT_INVALID,
                        c.chainId(),
                        c.seq(),
                        null,
                        "checkpoint signature is not valid"));
                continue;
            }
            if (!c.previous().equals(expected)) {
                issues.add(new VerificationIssue(
                        VerificationIssue.Kind.CHECKPOINT_INVALID,
                        c.chainId(),
                        c.seq(),
                        null,
                        "checkpoint does not link to the chain's previous checkpoint (one was removed or reordered)"));
            }
            lastId.put(c.chainId(), c.id());
            out.computeIfAbsent(c.chainId(), k -> new HashMap<>()).put(c.seq(), c);
            valid[0]++;
        }
        return out;
    }

    static List<VerificationIssue> sorted(List<VerificationIssue> issues) {
        List<VerificationIssue> out = new ArrayList<>(issues);
        out.sort((a, b) -> {
            int c = a.chainId().compareTo(b.chainId());
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
        });
        return out;
    }
}
