// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ready-made records for tests.
 *
 * @since 0.1
 */
public final class ActivityLogs {
    private static final List<String> ACTORS = List.of("alice", "bob", "carol", "dave");
    private static final List<ActionType> ACTIONS =
            List.of(ActionType.CREATE, ActionType.READ, ActionType.UPDATE, ActionType.DELETE);
    private static final List<String> TYPES = List.of("Post", "Article", "Invoice");

    private ActivityLogs() {}

    /** A successful login of {@code alice} from 203.0.113.7, in the seed's words. */
    public static ActivityLog login() {
        return ActivityLog.builder(ActionType.LOGIN)
                .actor("alice")
                .loginName("alice")
                .remarks("alice is logged in with ip:203.0.113.7")
                .clientIp("203.0.113.7")
                .source(Source.AUTH)
                .build();
    }

    /**
     * A failed login tried as {@code loginName} from 203.0.113.7, in the seed's words: no actor, as
     * nobody was authenticated.
     */
    public static ActivityLog loginFailed(String loginName) {
        return ActivityLog.builder(ActionType.LOGIN_FAILED)
                .status(Status.FAILED)
                .loginName(loginName)
                .remarks("Login Attempt Failed for " + loginName + " with ip: 203.0.113.7")
                .clientIp("203.0.113.7")
                .data(Map.of("username", loginName, "reason", "bad credentials"))
                .source(Source.AUTH)
                .build();
    }

    /** A random HTTP-shaped record made now. */
    public static ActivityLog random() {
        return random(new Random(ThreadLocalRandom.current().nextLong()));
    }

    /** A random HTTP-shaped record from this source of randomness, made now. */
    public static ActivityLog random(Random random) {
        return random(random, Instant.now());
    }

    /** A random HTTP-shaped record from this source of randomness that occurred at {@code at}. */
    public static ActivityLog random(Random random, Instant at) {
        String actor = ACTORS.get(random.nextInt(ACTORS.size()));
        ActionType action = ACTIONS.get(random.nextInt(ACTIONS.size()));
        String type = TYPES.get(random.nextInt(TYPES.size()));
        int id = 1 + random.nextInt(50);
        boolean failed = random.nextInt(10) == 0;
        String path = "/api/" + type.toLowerCase(Locale.ROOT) + "s/" + id;
        return ActivityLog.builder(action)
                .occurredAt(at.truncatedTo(ChronoUnit.MICROS))
                .actor(actor)
                .status(failed ? Status.FAILED : Status.SUCCESS)
                .remarks("User: " + actor + " -- Action Type: " + action + " -- Path: " + path + " -- Path Name: "
                        + type.toLowerCase(Locale.ROOT) + "s-detail")
                .target(type, id)
                .clientIp("192.0.2." + (1 + random.nextInt(250)))
                .httpMethod(method(action))
                .httpPath(path)
                .httpRoute("/api/" + type.toLowerCase(Locale.ROOT) + "s/{id}")
                .httpStatus(failed ? 404 : 200)
                .durationMs((long) random.nextInt(200))
                .source(Source.HTTP)
                .data(Map.of("n", random.nextInt(1000)))
                .build();
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
