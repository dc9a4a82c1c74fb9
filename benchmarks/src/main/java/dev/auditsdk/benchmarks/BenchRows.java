// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The one row shape of the persistence benchmarks: a typical HTTP-shaped record with a little data. */
final class BenchRows {
    private static final ActionType[] ACTIONS = {
        ActionType.CREATE, ActionType.READ, ActionType.UPDATE, ActionType.DELETE
    };
    private static final String[] TYPES = {"Post", "Article", "Invoice", "Comment", "User"};

    private BenchRows() {}

    /** Distinct tenants ({@code tenant0}…): a multi-tenant trail of 100 customers. */
    static final int TENANTS = 100;

    /**
     * {@code n} records with UUID v7 ids, their times spread evenly over {@code span} before {@code end}.
     *
     * @param actors distinct actors ({@code user0}…)
     * @param targetsPerType distinct target ids per target type
     */
    static List<ActivityLog> make(
            int n, long seed, Instant end, java.time.Duration span, int actors, int targetsPerType) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ActivityLog> out = new ArrayList<>(n);
        long spanMicros = Math.max(1, span.toNanos() / 1000);
        Instant start = end.minus(spanMicros, ChronoUnit.MICROS);
        for (int i = 0; i < n; i++) {
            Instant at = start.plus(spanMicros * i / n, ChronoUnit.MICROS);
            String actor = "user" + r.nextInt(actors);
            ActionType action = ACTIONS[r.nextInt(ACTIONS.length)];
            String type = TYPES[r.nextInt(TYPES.length)];
            int id = r.nextInt(targetsPerType);
            String path = "/api/" + type.toLowerCase() + "s/" + id;
            boolean failed = r.nextInt(10) == 0;
            out.add(ActivityLog.builder(action)
                    .occurredAt(at)
                    .actor(actor)
                    .actorName("User " + actor)
                    .tenant("tenant" + r.nextInt(TENANTS))
                    .status(failed ? Status.FAILED : Status.SUCCESS)
                    .remarks("User: " + actor + " -- Action Type: " + action + " -- Path: " + path + " -- Path Name: "
                            + type.toLowerCase() + "s-detail")
                    .target(type, id)
                    .clientIp("192.0.2." + (1 + r.nextInt(250)))
                    .userAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0")
                    .requestId("req-" + Long.toHexString(r.nextLong()))
                    .httpMethod(method(action))
                    .httpPath(path)
                    .httpRoute("/api/" + type.toLowerCase() + "s/{id}")
                    .httpStatus(failed ? 404 : 200)
                    .durationMs((long) r.nextInt(200))
                    .source(Source.HTTP)
                    .data(Map.of("field", "title", "n", r.nextInt(1000), "tags", List.of("a", "b")))
                    .build());
        }
        return out;
    }

    private static String method(ActionType action) {
        if (action.equals(ActionType.CREATE)) {
            return "POST";
        }
        if (action.equals(ActionType.UPDATE)) {
            return "PUT";
        }
        return action.equals(ActionType.DELETE) ? "DELETE" : "GET";
    }
}
