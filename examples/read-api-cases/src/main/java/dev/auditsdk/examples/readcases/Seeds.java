// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.readcases;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A known mix of {@value #COUNT} records, record {@code i} two hours after record {@code i - 1} from
 * 2026-03-01T00:00Z, so newest first is {@code i} descending. Each field is a simple function of
 * {@code i}, which the cases use as the oracle of what a filter must return.
 */
public final class Seeds {
    /** How many records are seeded. */
    public static final int COUNT = 48;

    static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    static final ActionType APPROVE = ActionType.of("Approve");
    private static final List<ActionType> ACTIONS = List.of(
            ActionType.CREATE,
            ActionType.READ,
            ActionType.UPDATE,
            ActionType.DELETE,
            ActionType.LOGIN,
            ActionType.LOGOUT,
            ActionType.LOGIN_FAILED,
            APPROVE);
    private static final String[] ACTORS = {"alice", "bob", "zoë", "carol", null};

    private Seeds() {}

    /** Fresh records (new ids) of the mix, oldest first: record {@code i} at index {@code i}. */
    public static List<ActivityLog> records() {
        List<ActivityLog> logs = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            ActivityLog.Builder b = ActivityLog.builder(action(i))
                    .occurredAt(time(i))
                    .status(status(i))
                    .actor(actor(i))
                    .remarks(remarks(i))
                    .requestId(requestId(i))
                    .data(Map.of("n", i, "note", "a, \"b\""));
            String loginName = loginName(i);
            if (loginName != null) {
                b.loginName(loginName);
            }
            String targetType = targetType(i);
            if (targetType != null) {
                b.target(targetType, targetId(i));
            }
            logs.add(b.build());
        }
        return logs;
    }

    static ActionType action(int i) {
        return ACTIONS.get(i % ACTIONS.size());
    }

    static Status status(int i) {
        return i % 3 == 0 || action(i).equals(ActionType.LOGIN_FAILED) ? Status.FAILED : Status.SUCCESS;
    }

    static @Nullable String actor(int i) {
        return ACTORS[i % ACTORS.length];
    }

    static Instant time(int i) {
        return BASE.plus(Duration.ofHours(2L * i));
    }

    /** Logins, logouts and failed logins carry the name given; a failed login has it without an actor. */
    static @Nullable String loginName(int i) {
        ActionType a = action(i);
        boolean login = a.equals(ActionType.LOGIN) || a.equals(ActionType.LOGOUT) || a.equals(ActionType.LOGIN_FAILED);
        return login ? (i % 2 == 0 ? "mallory" : "bob") : null;
    }

    static @Nullable String targetType(int i) {
        return i % 4 == 0 ? "Invoice" : i % 4 == 1 ? "Post" : null;
    }

    static String targetId(int i) {
        return i % 4 == 0 ? String.valueOf(i % 3) : String.valueOf(i);
    }

    static String requestId(int i) {
        return "req-" + (i % 6);
    }

    /** Every fifth is UNLUCKY; one is a spreadsheet formula with a comma, quotes and non-ASCII text. */
    static String remarks(int i) {
        if (i == 7) {
            return "=HYPERLINK(\"http://x\"), \"quoted\" ünïcode 😀";
        }
        return "seed " + i + (i % 5 == 0 ? " UNLUCKY" : "");
    }
}
