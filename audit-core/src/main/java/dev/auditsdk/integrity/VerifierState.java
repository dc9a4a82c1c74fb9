// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.VerificationIssue.Kind;
import dev.auditsdk.internal.integrity.CanonicalWriter;
import dev.auditsdk.internal.integrity.HashChain;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The walk of one verification: rows arrive in (chain, seq, id) order; one group of equal seqs is held back. */
final class VerifierState {
    private static final int REORDER_WINDOW = 16;
    // Findings name only rows near the one being checked; a gap names the row after it, kept in the Gap.
    private static final int RECENT_WITHHELD = 4096;

    private record Row(ActivityLog log, ActivityLog.Integrity in) {}

    private record Gap(
            String chainId,
            long from,
            long to,
            @Nullable UUID after,
            boolean afterWithheld,
            @Nullable Instant before) {}

    private final ActivityVerifier v;
    private final MessageDigest md = HashChain.sha256();
    private final CanonicalWriter canonical = new CanonicalWriter();
    private final long started = System.nanoTime();
    private final List<VerificationIssue> issues = new ArrayList<>();
    private final Set<UUID> badRows = new HashSet<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final Map<String, Map<Long, Checkpoint>> checkpoints;
    private final Set<String> chainsSeen = new HashSet<>();
    // per chain: rows, highest seq, findings (for the report's per-chain summary)
    private final Map<String, long[]> perChain = new TreeMap<>();
    private final int checkpointsValid;
    private @Nullable Instant purgedBefore;
    long rows;
    private long issueCount;
    // the current chain
    private @Nullable String chain;
    private long lastSeq;
    private String lastHash = "";
    private @Nullable UUID lastId;
    private boolean lastBad;
    private @Nullable Instant lastAt;
    // the current chain's closing checkpoint seq (MAX_VALUE: not closed), and whether a row after it was named
    private long closedAt;
    private boolean appendedNamed;
    private final List<Row> group = new ArrayList<>();
    // ids of the latest withheld rows (Builder#withholding), so that a finding about one is redacted
    private final Map<UUID, Boolean> recentWithheld = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > RECENT_WITHHELD;
        }
    };

    VerifierState(ActivityVerifier v) {
        this.v = v;
        this.purgedBefore = v.purgedBefore;
        int[] valid = new int[1];
        List<VerificationIssue> cpIssues = new ArrayList<>();
        this.checkpoints = ActivityVerifier.checkedCheckpoints(v, cpIssues, valid);
        this.checkpointsValid = valid[0];
        cpIssues.forEach(this::issue);
    }

    void add(ActivityLog log) {
        rows++;
        if (v.withheld.test(log)) {
            recentWithheld.put(log.id(), Boolean.TRUE);
        }
        notePurge(log);
        ActivityLog.Integrity in = log.integrity().orElse(null);
        if (in == null) {
            issue(new VerificationIssue(Kind.UNCHAINED, "", 0, log.id(), "row has no chain values"));
            return;
        }
        long[] summary = perChain.computeIfAbsent(in.chainId(), k -> new long[3]);
        summary[0]++;
        summary[1] = Math.max(summary[1], in.seq());
        if (!in.chainId().equals(chain)) {
            endChain();
            startChain(in.chainId(), log.id());
        }
        if (!group.isEmpty() && group.get(0).in().seq() != in.seq()) {
            resolve(in.seq() == group.get(0).in().seq() + 1 ? in.prevHash() : null);
        }
        group.add(new Row(log, in));
    }

    private void startChain(String id, UUID first) {
        chain = id;
        chainsSeen.add(id);
        lastSeq = 0;
        lastHash = "";
        lastId = null;
        lastAt = null;
        lastBad = false;
        Map<Long, Checkpoint> cps = checkpoints.get(id);
        closedAt = cps == null
                ? Long.MAX_VALUE
                : cps.values().stream()
                        .filter(Checkpoint::closed)
                        .mapToLong(Checkpoint::seq)
                        .min()
                        .orElse(Long.MAX_VALUE);
        appendedNamed = false;
        if (!v.checkpoints.isEmpty() && !checkpoints.containsKey(id)) {
            issue(new VerificationIssue(Kind.UNKNOWN_CHAIN, id, 0, first, "no signed checkpoint declares this chain"));
        }
    }

    // Rows are records: an inserted exact copy equals the genuine row, so only identity tells them apart.
    @SuppressWarnings("ReferenceEquality")
    private void resolve(@Nullable String nextPrev) {
        Row genuine = group.get(0);
        if (group.size() > 1) {
            Checkpoint cp = checkpoint(genuine.in().seq());
            for (Row r : group) {
                if ((nextPrev != null && r.in().hash().equals(nextPrev))
                        || (nextPrev == null && cp != null && r.in().hash().equals(cp.hash()))) {
                    genuine = r;
                }
            }
            for (Row r : group) {
                if (r != genuine) {
                    issue(new VerificationIssue(
                            Kind.INSERTED,
                            r.in().chainId(),
                            r.in().seq(),
                            r.log().id(),
                            "a second row at this chain position, not linked by the chain"));
                }
            }
        }
        group.clear();
        check(genuine);
    }

    private void check(Row r) {
        ActivityLog.Integrity in = r.in();
        long seq = in.seq();
        boolean bad = !hashOf(r.log(), seq, in.prevHash()).equals(in.hash());
        if (bad) {
            issue(
                    movedFrom(r) > 0
                            ? new VerificationIssue(
                                    Kind.REORDERED,
                                    in.chainId(),
                                    seq,
                                    r.log().id(),
                                    "valid row moved here from seq " + movedFrom(r))
                            : new VerificationIssue(
                                    Kind.ALTERED, in.chainId(), seq, r.log().id(), "content does not match its hash"));
        }
        if (seq > lastSeq + 1 || (lastSeq == 0 && !in.prevHash().isEmpty())) {
            gaps.add(new Gap(
                    in.chainId(),
                    lastSeq + 1,
                    seq - 1,
                    r.log().id(),
                    withheld(r.log().id()),
                    lastAt));
        } else if (seq == lastSeq + 1 && !in.prevHash().equals(lastHash) && !bad && !lastBad) {
            issue(new VerificationIssue(
                    Kind.LINK_BROKEN,
                    in.chainId(),
                    lastSeq,
                    lastId,
                    "hash differs from the prev_hash of the next row "
                            + (withheld(r.log().id())
                                    ? "(withheld)"
                                    : r.log().id().toString())));
        }
        Checkpoint cp = checkpoint(seq);
        if (cp != null && !cp.hash().equals(in.hash())) {
            issue(new VerificationIssue(
                    Kind.CHECKPOINT_MISMATCH,
                    in.chainId(),
                    seq,
                    r.log().id(),
                    "signed checkpoint of " + cp.at() + " recorded another hash here: the chain was rewritten"));
        }
        if (seq > closedAt) {
            appendedAfterClose(r);
        }
        lastBad = bad;
        lastSeq = seq;
        lastHash = in.hash();
        lastId = r.log().id();
        lastAt = r.log().occurredAt();
    }

    /** The first row after the closing checkpoint is named; the ones after it only count as invalid. */
    private void appendedAfterClose(Row r) {
        if (appendedNamed) {
            badRows.add(r.log().id());
            return;
        }
        appendedNamed = true;
        issue(new VerificationIssue(
                Kind.APPENDED_AFTER_CLOSE,
                r.in().chainId(),
                r.in().seq(),
                r.log().id(),
                "row after the chain's signed closing checkpoint at seq " + closedAt
                        + ": its recorder had closed, someone else appended it"));
    }

    private long movedFrom(Row r) {
        long seq = r.in().seq();
        for (long s = Math.max(1, seq - REORDER_WINDOW); s <= seq + REORDER_WINDOW; s++) {
            if (s != seq && hashOf(r.log(), s, r.in().prevHash()).equals(r.in().hash())) {
                return s;
            }
        }
        return 0;
    }

    private String hashOf(ActivityLog log, long seq, String prev) {
        try {
            return HashChain.hash(md, canonical, log, chain == null ? "" : chain, seq, prev);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private @Nullable Checkpoint checkpoint(long seq) {
        Map<Long, Checkpoint> m = chain == null ? null : checkpoints.get(chain);
        return m == null ? null : m.get(seq);
    }

    private void endChain() {
        if (chain == null) {
            return;
        }
        if (!group.isEmpty()) {
            resolve(null);
        }
        Map<Long, Checkpoint> cps = checkpoints.get(chain);
        if (cps != null) {
            long max = cps.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            if (max > lastSeq) {
                issue(new VerificationIssue(
                        Kind.TRUNCATED,
                        chain,
                        lastSeq + 1,
                        null,
                        "chain ends at seq " + lastSeq + " but a signed checkpoint says it reached " + max));
            }
        }
        chain = null;
    }

    private void notePurge(ActivityLog log) {
        if (log.action().name().equals(ActivityRetention.PURGE.name())
                && log.data().get(ActivityRetention.PURGED_BEFORE) instanceof String s) {
            try {
                Instant at = Instant.parse(s);
                if (purgedBefore == null || at.isAfter(purgedBefore)) {
                    purgedBefore = at;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // not a marker we wrote; ignored
            }
        }
    }

    private boolean withheld(UUID id) {
        return recentWithheld.containsKey(id);
    }

    private void issue(VerificationIssue i) {
        issue(i, i.id() != null && withheld(i.id()));
    }

    /** Counts a finding; one about a withheld row keeps its kind, chain and position, but not the row's id. */
    private void issue(VerificationIssue found, boolean withheld) {
        VerificationIssue i = found;
        if (withheld) {
            i = new VerificationIssue(
                    found.kind(),
                    found.chainId(),
                    found.seq(),
                    null,
                    found.detail() + " (a withheld row: its id and content are not shown)");
            if (found.id() != null) {
                badRows.add(found.id());
            }
        }
        issueCount++;
        if (!i.chainId().isEmpty()) {
            perChain.computeIfAbsent(i.chainId(), k -> new long[3])[2]++;
        }
        if (i.id() != null) {
            badRows.add(i.id());
        }
        if (issues.size() < v.maxIssues) {
            issues.add(i);
        }
    }

    VerificationReport finish() {
        endChain();
        // Chains that checkpoints declare with records but that have no rows at all were deleted whole.
        for (Map.Entry<String, Map<Long, Checkpoint>> e : checkpoints.entrySet()) {
            long max = e.getValue().keySet().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            if (max > 0 && !chainsSeen.contains(e.getKey()) && purgedBefore == null) {
                issue(new VerificationIssue(
                        Kind.TRUNCATED,
                        e.getKey(),
                        1,
                        null,
                        "no rows, but a signed checkpoint says the chain reached seq " + max));
            }
        }
        long purged = 0;
        for (Gap g : gaps) {
            Instant before = g.before();
            Instant cutoff = purgedBefore;
            if (cutoff != null && (before == null || before.isBefore(cutoff.plus(ActivityVerifier.PURGE_SKEW)))) {
                purged++;
            } else {
                issue(
                        new VerificationIssue(
                                Kind.GAP,
                                g.chainId(),
                                g.from(),
                                g.after(),
                                (g.to() >= g.from() ? "seq " + g.from() + ".." + g.to() : "the chain's first rows")
                                        + " missing before this row"),
                        g.afterWithheld());
            }
        }
        return new VerificationReport(
                rows,
                rows - badRows.size(),
                chainsSeen.size(),
                ActivityVerifier.sorted(issues),
                issueCount,
                v.checkpoints.size(),
                checkpointsValid,
                purged,
                Duration.ofNanos(System.nanoTime() - started),
                perChain.entrySet().stream()
                        .map(e -> new VerificationReport.ChainSummary(
                                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                        .toList());
    }
}
