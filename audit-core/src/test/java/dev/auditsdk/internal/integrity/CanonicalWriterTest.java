// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The byte writer must produce exactly the bytes of the plain reference implementation, and a chain
 * must hash them as specified. The fixed published vectors are in {@link CanonicalFormVectorTest}.
 */
class CanonicalWriterTest {
    private static final String[] PIECES = {
        "a",
        "Zz9",
        " ",
        "\"",
        "\\",
        "\n",
        "\r",
        "\t",
        "\b",
        "\f",
        "\u0000",
        "\u001f",
        "\u007f",
        "é",
        "ß",
        "中文",
        "\u0800",
        "\uffff",
        "😀",
        "\ud83d",
        "\ude00",
        "/",
        "<script>",
        "'",
        "\u2028"
    };

    @Test
    void matchesTheReferenceOnRandomRecords() {
        SplittableRandom r = new SplittableRandom(20261126);
        CanonicalWriter reused = new CanonicalWriter();
        for (int i = 0; i < 5_000; i++) {
            ActivityLog log = randomLog(r);
            String chainId = UUID.randomUUID().toString();
            long seq = r.nextLong(1, Long.MAX_VALUE);
            byte[] expected = CanonicalFormReference.bytes(log, chainId, seq);

            reused.write(log, chainId, seq);
            assertThat(reused.toByteArray())
                    .as("record %d: %s", i, new String(expected, StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            assertThat(CanonicalForm.bytes(log, chainId, seq)).isEqualTo(expected);
        }
    }

    @Test
    void aChainHashesTheReferenceBytesAndThePreviousHash() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        HashChain chain = HashChain.start("chain-1");
        String prev = "";
        for (int seq = 1; seq <= 200; seq++) {
            ActivityLog linked = chain.link(randomLog(r));
            ActivityLog.Integrity in = linked.integrity().orElseThrow();

            assertThat(in.seq()).isEqualTo(seq);
            assertThat(in.prevHash()).isEqualTo(prev);
            // SHA-256 by the JDK over the plain reference bytes: not the routine under test.
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(CanonicalFormReference.bytes(linked, "chain-1", seq));
            md.update(HexFormat.of().parseHex(prev));
            assertThat(in.hash()).isEqualTo(HexFormat.of().formatHex(md.digest()));
            prev = in.hash();
        }
    }

    private static ActivityLog randomLog(SplittableRandom r) {
        ActivityLog.Builder b = ActivityLog.builder(ActionType.of(r.nextBoolean() ? "Update" : "Approve"))
                .id(new UUID(r.nextLong(), r.nextLong()))
                .occurredAt(time(r))
                .status(r.nextBoolean() ? Status.SUCCESS : Status.FAILED)
                .source(Source.values()[r.nextInt(Source.values().length)])
                .actor(maybe(r))
                .actorName(maybe(r))
                .tenant(maybe(r))
                .loginName(maybe(r))
                .schemaVersion(1 + r.nextInt(2))
                .remarks(maybe(r))
                .clientIp(maybe(r))
                .userAgent(maybe(r))
                .requestId(maybe(r))
                .traceId(maybe(r))
                .httpMethod(maybe(r))
                .httpPath(maybe(r))
                .httpRoute(maybe(r))
                .httpStatus(r.nextBoolean() ? 100 + r.nextInt(900) : null)
                .durationMs(r.nextBoolean() ? r.nextLong(0, Long.MAX_VALUE) : null)
                .data(r.nextInt(4) == 0 ? Map.of() : object(r, 0));
        if (r.nextBoolean()) {
            b.target("T" + text(r), "1" + text(r));
        }
        return b.build();
    }

    private static Instant time(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> Instant.ofEpochSecond(r.nextLong(-62_000_000_000L, 0), r.nextInt(1_000_000_000));
            case 1 -> Instant.ofEpochSecond(r.nextLong(253_402_300_800L, 300_000_000_000L), r.nextInt(1_000_000_000));
            default -> Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L), r.nextInt(1_000_000_000));
        };
    }

    private static Map<String, @Nullable Object> object(SplittableRandom r, int depth) {
        Map<String, @Nullable Object> m = new HashMap<>();
        int n = r.nextInt(1, 6);
        for (int i = 0; i < n; i++) {
            m.put(text(r), value(r, depth + 1));
        }
        return m;
    }

    private static @Nullable Object value(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> text(r);
            case 2 -> r.nextBoolean();
            case 3 -> r.nextLong();
            case 4 -> r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
            case 5 -> new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(0, 12));
            case 6 -> r.nextInt();
            case 7 -> object(r, depth);
            default -> {
                List<@Nullable Object> list = new ArrayList<>();
                int n = r.nextInt(0, 4);
                for (int i = 0; i < n; i++) {
                    list.add(value(r, depth + 1));
                }
                yield list;
            }
        };
    }

    private static @Nullable String maybe(SplittableRandom r) {
        return r.nextInt(3) == 0 ? null : text(r);
    }

    private static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(0, 12);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
