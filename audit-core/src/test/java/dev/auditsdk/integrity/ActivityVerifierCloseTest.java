// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.VerificationIssue.Kind;
import dev.auditsdk.internal.checkpoint.Checkpointer;
import dev.auditsdk.internal.integrity.HashChain;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closing checkpoint: a chain whose recorder closed cannot be extended by whoever writes the table. */
class ActivityVerifierCloseTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final KeyPair KEYS = Checkpoints.generateKeyPair();

    /** A chain of {@code n} rows checkpointed every 4, then closed or only checkpointed at its head. */
    private record Written(List<ActivityLog> rows, List<Checkpoint> checkpoints, HashChain chain) {}

    private static Written write(int n, boolean close) {
        HashChain chain = HashChain.start();
        List<Checkpoint> cps = new ArrayList<>();
        Checkpointer cp = Checkpointer.start(
                Checkpoints.signing(KEYS.getPrivate(), ActivityVerifierTest.sink(cps))
                        .every(4, Duration.ofHours(1))
                        .clock(Clock.fixed(T0, ZoneOffset.UTC)),
                chain);
        List<ActivityLog> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(chain.link(ActivityLog.builder(ActionType.UPDATE)
                    .occurredAt(T0.plusSeconds(i))
                    .actor("u" + i)
                    .remarks("row " + i)
                    .build()));
            cp.tick(false);
        }
        cp.tick(true);
        if (close) {
            cp.close();
            cp.close();
            cp.tick(true);
        }
        return new Written(rows, cps, chain);
    }

    private static VerificationReport verify(List<ActivityLog> rows, List<Checkpoint> cps) {
        return ActivityVerifier.builder()
                .checkpoints(cps, KEYS.getPublic())
                .build()
                .verify(rows);
    }

    /** A row an attacker appends at the chain's head: correct seq, prev_hash and hash. */
    private static ActivityLog forgedAfter(ActivityLog last) {
        ActivityLog.Integrity li = last.integrity().orElseThrow();
        ActivityLog plain = ActivityLog.builder(ActionType.DELETE)
                .occurredAt(last.occurredAt().plusSeconds(1))
                .actor("mallory")
                .remarks("granted admin")
                .build();
        long seq = li.seq() + 1;
        String hash = HashChain.hash(plain, li.chainId(), seq, li.hash());
        return plain.toBuilder()
                .integrity(new ActivityLog.Integrity(li.chainId(), seq, li.hash(), hash))
                .build();
    }

    @Test
    void closedChainVerifiesClean() {
        Written w = write(10, true);
        Checkpoint last = w.checkpoints().get(w.checkpoints().size() - 1);
        assertThat(last.closed()).isTrue();
        assertThat(last.seq()).isEqualTo(10);
        // The head was checkpointed just before: the closing one repeats seq 10, written once despite two closes.
        assertThat(w.checkpoints().stream().filter(Checkpoint::closed)).hasSize(1);
        assertThat(w.checkpoints().get(w.checkpoints().size() - 2).seq()).isEqualTo(10);
        VerificationReport r = verify(w.rows(), w.checkpoints());
        assertThat(r.clean()).as(r.issues().toString()).isTrue();
        assertThat(r.checkpointsValid()).isEqualTo(w.checkpoints().size());
    }

    @Test
    void closedEmptyChainVerifiesClean() {
        Written w = write(0, true);
        assertThat(w.checkpoints())
                .extracting(Checkpoint::seq, Checkpoint::closed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, false), org.assertj.core.groups.Tuple.tuple(0L, true));
        assertThat(verify(w.rows(), w.checkpoints()).clean()).isTrue();
    }

    @Test
    void forgedRowAppendedAfterCloseIsNamed() {
        Written w = write(10, true);
        List<ActivityLog> rows = new ArrayList<>(w.rows());
        ActivityLog forged = forgedAfter(rows.get(9));
        rows.add(forged);
        ActivityLog second = forgedAfter(forged);
        rows.add(second);
        assertThat(ActivityVerifier.builder().build().verify(rows).clean())
                .as("a well-formed chain by itself")
                .isTrue();

        VerificationReport r = verify(rows, w.checkpoints());
        assertThat(r.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.APPENDED_AFTER_CLOSE);
            assertThat(i.chainId()).isEqualTo(w.chain().id());
            assertThat(i.seq()).isEqualTo(11);
            assertThat(i.id()).isEqualTo(forged.id());
        });
        assertThat(r.issueCount()).isEqualTo(1);
        assertThat(r.rowsValid()).isEqualTo(10);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void withoutTheClosingCheckpointAnAppendedRowIsNotNoticed() {
        // The documented limit for chains still live (or whose recorder died): only the flag closes it.
        Written w = write(10, false);
        List<ActivityLog> rows = new ArrayList<>(w.rows());
        rows.add(forgedAfter(rows.get(9)));
        assertThat(w.checkpoints()).noneMatch(Checkpoint::closed);
        assertThat(verify(rows, w.checkpoints()).clean()).isTrue();
    }

    @Test
    void closedChainEndingBeforeTheCloseIsTruncated() {
        Written w = write(10, true);
        VerificationReport r = verify(w.rows().subList(0, 7), w.checkpoints());
        assertThat(r.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(i.seq()).isEqualTo(8);
        });
        assertThat(r.issues()).noneMatch(i -> i.kind() == Kind.APPENDED_AFTER_CLOSE);
    }

    @Test
    void oldFormatCheckpointWithoutTheFlagStillVerifies() {
        Written w = write(10, false);
        List<Checkpoint> reread = new ArrayList<>();
        for (Checkpoint c : w.checkpoints()) {
            // A line as written before the flag existed: exactly these six fields.
            ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            n.put("chainId", c.chainId())
                    .put("seq", c.seq())
                    .put("hash", c.hash())
                    .put("at", c.at().toString())
                    .put("previous", c.previous())
                    .put("signature", c.signature());
            assertThat(c.toJson()).isEqualTo(n.toString());
            Checkpoint back = Checkpoint.fromJson(n.toString());
            assertThat(back.closed()).isFalse();
            reread.add(back);
        }
        Checkpoint last = reread.get(reread.size() - 1);
        assertThat(new String(last.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"at\":\"2026-01-01T00:00:00.000000Z\","
                        + "\"chainId\":\"" + last.chainId() + "\",\"hash\":\"" + last.hash() + "\",\"previous\":\""
                        + last.previous() + "\",\"seq\":10,\"v\":1}");
        assertThat(verify(w.rows(), reread).clean()).isTrue();
    }

    @Test
    void closingCheckpointSignsTheFlagAndSurvivesItsJsonLine() {
        Written w = write(3, true);
        Checkpoint last = w.checkpoints().get(w.checkpoints().size() - 1);
        assertThat(new String(last.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"at\":\"2026-01-01T00:00:00.000000Z\","
                        + "\"chainId\":\"" + last.chainId() + "\",\"closed\":true,\"hash\":\"" + last.hash()
                        + "\",\"previous\":\""
                        + last.previous() + "\",\"seq\":3,\"v\":1}");
        assertThat(Checkpoint.fromJson(last.toJson())).isEqualTo(last);
        assertThat(last.verify(KEYS.getPublic())).isTrue();
    }

    @Test
    void tamperingWithTheClosedFlagBreaksTheSignature() {
        Written w = write(10, true);
        List<ActivityLog> rows = new ArrayList<>(w.rows());
        rows.add(forgedAfter(rows.get(9)));
        int lastIndex = w.checkpoints().size() - 1;

        // Reopening the chain (flag removed from the closing checkpoint's line) to hide the appended row.
        List<Checkpoint> reopened = new ArrayList<>(w.checkpoints());
        String line = reopened.get(lastIndex).toJson().replace(",\"closed\":true", "");
        reopened.set(lastIndex, Checkpoint.fromJson(line));
        assertThat(reopened.get(lastIndex).closed()).isFalse();
        VerificationReport r = verify(rows, reopened);
        assertThat(r.issues()).anyMatch(i -> i.kind() == Kind.CHECKPOINT_INVALID && i.seq() == 10);
        assertThat(r.exitCode()).isEqualTo(1);

        // Closing a chain early (flag added to an earlier checkpoint) is caught the same way.
        List<Checkpoint> closedEarly = new ArrayList<>(w.checkpoints());
        Checkpoint c = closedEarly.get(1);
        closedEarly.set(1, new Checkpoint(c.chainId(), c.seq(), c.hash(), c.at(), c.previous(), c.signature(), true));
        VerificationReport early = verify(w.rows(), closedEarly);
        assertThat(early.issues()).anyMatch(i -> i.kind() == Kind.CHECKPOINT_INVALID && i.seq() == c.seq());
        assertThat(early.issues()).noneMatch(i -> i.kind() == Kind.APPENDED_AFTER_CLOSE);
    }
}
