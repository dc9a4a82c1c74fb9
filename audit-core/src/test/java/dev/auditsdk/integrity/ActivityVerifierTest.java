// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.VerificationIssue.Kind;
import dev.auditsdk.internal.checkpoint.Checkpointer;
import dev.auditsdk.internal.integrity.CanonicalForm;
import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.spi.ActivityJson;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityVerifierTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<ActivityLog> chain(HashChain chain, int n) {
        List<ActivityLog> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(chain.link(ActivityLog.builder(ActionType.UPDATE)
                    .occurredAt(T0.plusSeconds(i))
                    .actor("u" + i)
                    .remarks("row " + i)
                    .target("Post", i)
                    .data(Map.of("n", i, "f", 1.5, "nested", Map.of("b", true)))
                    .build()));
        }
        return out;
    }

    private static VerificationReport verify(List<ActivityLog> rows) {
        return ActivityVerifier.builder().build().verify(rows);
    }

    @Test
    void cleanChainVerifies() {
        List<ActivityLog> rows = chain(HashChain.start(), 100);
        VerificationReport r = verify(rows);
        assertThat(r.clean()).isTrue();
        assertThat(r.rowsChecked()).isEqualTo(100);
        assertThat(r.rowsValid()).isEqualTo(100);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void hashSurvivesTheJsonRoundTrip() {
        List<ActivityLog> rows = chain(HashChain.start(), 20);
        List<ActivityLog> back = rows.stream()
                .map(l -> ActivityJson.fromJson(ActivityJson.toJson(l)))
                .toList();
        assertThat(verify(back).clean()).isTrue();
    }

    @Test
    void canonicalFormOfAVersion1RecordIsStable() {
        ActivityLog log = ActivityLog.builder(ActionType.LOGIN)
                .schemaVersion(1)
                .id(UUID.fromString("0190f3c4-0000-7000-8000-000000000001"))
                .occurredAt(T0)
                .actor("alice")
                .remarks("a \"quoted\"\nline")
                .data(Map.of("z", 1.50, "a", List.of(1, "x")))
                .build();
        String text = new String(CanonicalForm.bytes(log, "c1", 7), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("{\"action\":\"Login\",\"actor\":\"alice\",\"chainId\":\"c1\",\"data\":{\"a\":[1,\"x\"],"
                        + "\"z\":1.5},\"id\":\"0190f3c4-0000-7000-8000-000000000001\",\"occurredAt\":\"2026-01-01T00:00:00.000000Z\","
                        + "\"remarks\":\"a \\\"quoted\\\"\\nline\",\"schemaVersion\":1,\"seq\":7,\"source\":\"app\","
                        + "\"status\":\"SUCCESS\",\"v\":1}");
    }

    @Test
    void canonicalTimeMatchesTheSpecifiedPattern() {
        java.time.format.DateTimeFormatter spec = java.time.format.DateTimeFormatter.ofPattern(
                        "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000) * 1000L);
            assertThat(CanonicalForm.time(at)).isEqualTo(spec.format(at));
        }
        assertThat(CanonicalForm.time(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
    }

    @Test
    void alteredRowIsNamed() {
        List<ActivityLog> rows = chain(HashChain.start(), 10);
        rows.set(4, rows.get(4).toBuilder().remarks("edited").build());
        VerificationReport r = verify(rows);
        assertThat(r.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.ALTERED);
            assertThat(i.seq()).isEqualTo(5);
            assertThat(i.id()).isEqualTo(rows.get(4).id());
        });
        assertThat(r.issueCount()).isEqualTo(1);
        assertThat(r.rowsValid()).isEqualTo(9);
    }

    @Test
    void deletedRowIsAGap() {
        List<ActivityLog> rows = chain(HashChain.start(), 10);
        ActivityLog after = rows.get(4);
        rows.remove(3);
        VerificationReport r = verify(rows);
        assertThat(r.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.GAP);
            assertThat(i.seq()).isEqualTo(4);
            assertThat(i.id()).isEqualTo(after.id());
        });
    }

    @Test
    void swappedRowsAreReordered() {
        List<ActivityLog> rows = chain(HashChain.start(), 10);
        ActivityLog a = rows.get(3);
        ActivityLog b = rows.get(4);
        rows.set(3, withSeq(b, 4));
        rows.set(4, withSeq(a, 5));
        VerificationReport r = verify(rows);
        assertThat(r.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.REORDERED);
            assertThat(i.seq()).isEqualTo(4);
            assertThat(i.id()).isEqualTo(b.id());
        });
    }

    @Test
    void forgedRowWithValidHashIsInserted() {
        List<ActivityLog> rows = chain(HashChain.start(), 10);
        ActivityLog prev = rows.get(4);
        ActivityLog.Integrity pi = prev.integrity().orElseThrow();
        ActivityLog plain = ActivityLog.builder(ActionType.DELETE)
                .occurredAt(T0.plusSeconds(5))
                .actor("mallory")
                .build();
        long seq = pi.seq() + 1;
        String hash = HashChain.hash(plain, pi.chainId(), seq, pi.hash());
        ActivityLog forged = plain.toBuilder()
                .integrity(new ActivityLog.Integrity(pi.chainId(), seq, pi.hash(), hash))
                .build();
        rows.add(5, forged);
        VerificationReport r = verify(rows);
        assertThat(r.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.INSERTED);
            assertThat(i.id()).isEqualTo(forged.id());
        });
        assertThat(r.issueCount()).isEqualTo(1);
    }

    @Test
    void truncatedTailAndRewrittenChainNeedCheckpoints() {
        KeyPair keys = Checkpoints.generateKeyPair();
        HashChain chain = HashChain.start();
        List<Checkpoint> cps = new ArrayList<>();
        Checkpoints config = Checkpoints.signing(keys.getPrivate(), sink(cps)).every(4, Duration.ofHours(1));
        Checkpointer cp = Checkpointer.start(config, chain);
        List<ActivityLog> rows = new ArrayList<>();
        for (ActivityLog l : chain(chain, 10)) {
            rows.add(l);
            cp.tick(false);
        }
        cp.tick(true);
        ActivityVerifier verifier =
                ActivityVerifier.builder().checkpoints(cps, keys.getPublic()).build();
        assertThat(verifier.verify(rows).clean()).isTrue();
        assertThat(verifier.verify(rows).checkpointsValid()).isEqualTo(cps.size());

        VerificationReport truncated = verifier.verify(rows.subList(0, 8));
        assertThat(truncated.firstIssue()).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(i.seq()).isEqualTo(9);
        });

        // An attacker who edits row 2 and recomputes every hash after it leaves a self-consistent chain.
        HashChain forger = HashChain.start(chain.id());
        List<ActivityLog> rewritten = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ActivityLog l = rows.get(i).toBuilder().integrity(null).build();
            rewritten.add(forger.link(i == 1 ? l.toBuilder().remarks("innocent").build() : l));
        }
        assertThat(verify(rewritten).clean()).isTrue();
        VerificationReport caught = verifier.verify(rewritten);
        assertThat(caught.firstIssue())
                .hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH));

        List<Checkpoint> forgedCps = new ArrayList<>(cps);
        Checkpoint last = forgedCps.remove(forgedCps.size() - 1);
        forgedCps.add(new Checkpoint(
                last.chainId(),
                last.seq(),
                last.hash(),
                last.at().plusSeconds(1),
                last.previous(),
                last.signature(),
                false));
        VerificationReport badSig = ActivityVerifier.builder()
                .checkpoints(forgedCps, keys.getPublic())
                .build()
                .verify(rows);
        assertThat(badSig.issues()).anyMatch(i -> i.kind() == Kind.CHECKPOINT_INVALID);
    }

    @Test
    void retentionIsNotTampering() {
        HashChain chain = HashChain.start();
        List<ActivityLog> rows = chain(chain, 10);
        ActivityLog marker = chain.link(ActivityLog.builder(ActivityRetention.PURGE)
                .occurredAt(T0.plusSeconds(100))
                .data(Map.of(ActivityRetention.PURGED_BEFORE, T0.plusSeconds(4).toString()))
                .build());
        rows.add(marker);
        List<ActivityLog> kept = new ArrayList<>(rows.subList(4, rows.size()));
        VerificationReport r = verify(kept);
        assertThat(r.clean()).isTrue();
        assertThat(r.purgedGaps()).isEqualTo(1);
        assertThat(verify(rows.subList(4, 10)).firstIssue())
                .hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(Kind.GAP));
    }

    @Test
    void unchainedRowIsReported() {
        List<ActivityLog> rows = chain(HashChain.start(), 3);
        rows.add(ActivityLog.builder(ActionType.READ).build());
        assertThat(verify(rows).firstIssue())
                .hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(Kind.UNCHAINED));
    }

    private static ActivityLog withSeq(ActivityLog l, long seq) {
        ActivityLog.Integrity i = l.integrity().orElseThrow();
        return l.toBuilder()
                .integrity(new ActivityLog.Integrity(i.chainId(), seq, i.prevHash(), i.hash()))
                .build();
    }

    static CheckpointSink sink(List<Checkpoint> into) {
        return new CheckpointSink() {
            @Override
            public void write(Checkpoint checkpoint) {
                into.add(checkpoint);
            }

            @Override
            public List<Checkpoint> readAll() {
                return List.copyOf(into);
            }
        };
    }
}
