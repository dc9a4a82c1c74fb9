// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Records for the store tests: varied, with colliding times and ids on both sides of the sign bit. */
final class Records {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final List<ActionType> ACTIONS = List.of(
            ActionType.CREATE,
            ActionType.READ,
            ActionType.UPDATE,
            ActionType.DELETE,
            ActionType.LOGIN,
            ActionType.LOGIN_FAILED,
            ActionType.of("Export"));

    private Records() {}

    static List<ActivityLog> random(int n, long seed) {
        Random r = new Random(seed);
        List<ActivityLog> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Few distinct times, so ties are broken by id; ids cover the whole unsigned range.
            Instant at = T0.plus(r.nextInt(n / 3 + 1), ChronoUnit.SECONDS).plus(r.nextInt(3), ChronoUnit.MICROS);
            ActivityLog.Builder b = ActivityLog.builder(ACTIONS.get(r.nextInt(ACTIONS.size())))
                    .id(new UUID(r.nextLong(), r.nextLong()))
                    .occurredAt(at)
                    .actor(r.nextInt(5) == 0 ? null : "user" + r.nextInt(4))
                    .tenant(r.nextBoolean() ? "t" + r.nextInt(2) : null)
                    .status(r.nextInt(4) == 0 ? Status.FAILED : Status.SUCCESS)
                    .remarks(pick(
                            r,
                            "Changed 100% of the title",
                            "under_score name",
                            "User: ALICE read Post",
                            "Grüße aus Köln",
                            null,
                            "plain remark " + i))
                    .requestId("req-" + r.nextInt(n / 4 + 1))
                    .source(Source.values()[r.nextInt(3)])
                    .data(Map.of("i", i, "nested", Map.of("list", List.of(1, "two", true))));
            if (r.nextInt(3) > 0) {
                b.target(r.nextBoolean() ? "Post" : "Comment", String.valueOf(r.nextInt(5)));
            }
            out.add(b.build());
        }
        return out;
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
