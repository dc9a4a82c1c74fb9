// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.readcases;

import static dev.auditsdk.examples.readcases.Seeds.action;
import static dev.auditsdk.examples.readcases.Seeds.actor;
import static dev.auditsdk.examples.readcases.Seeds.requestId;
import static dev.auditsdk.examples.readcases.Seeds.status;
import static dev.auditsdk.examples.readcases.Seeds.targetId;
import static dev.auditsdk.examples.readcases.Seeds.targetType;
import static dev.auditsdk.examples.readcases.Seeds.time;

import dev.auditsdk.ActionType;
import dev.auditsdk.Status;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * One parameter set of the read API and what it must select from the {@link Seeds}: the seeds
 * whose index passes {@code expected}, or a 400 when {@code expected} is null.
 *
 * @param query the query string, URL-encoded, without {@code ?}
 * @param expected which seeds match; null for a bad parameter set
 * @param csv the {@code format} value that asks for CSV
 * @param jsonl the {@code format} value that asks for JSON Lines
 */
public record ReadApiCase(String query, @Nullable IntPredicate expected, String csv, String jsonl) {
    /** Every case: case variants, action lists, times in each accepted form, paging and bad values. */
    public static List<ReadApiCase> all() {
        return List.of(
                ok("", i -> true),
                ok("action=Create", i -> is(i, ActionType.CREATE)).formats("CSV", "JSONL"),
                ok("action=create", i -> is(i, ActionType.CREATE)),
                ok("action=CREATE", i -> is(i, ActionType.CREATE)),
                ok("action=login%20failed", i -> is(i, ActionType.LOGIN_FAILED)).formats("Csv", "JsonL"),
                ok("action=Login+Failed", i -> is(i, ActionType.LOGIN_FAILED)),
                ok("action=LOGIN_FAILED", i -> is(i, ActionType.LOGIN_FAILED)),
                ok("action=Create,Delete", i -> is(i, ActionType.CREATE) || is(i, ActionType.DELETE)),
                ok("action=create&action=DELETE", i -> is(i, ActionType.CREATE) || is(i, ActionType.DELETE)),
                ok("action=create,%20delete,", i -> is(i, ActionType.CREATE) || is(i, ActionType.DELETE)),
                ok("action=Approve", i -> is(i, Seeds.APPROVE)),
                ok("action=", i -> true),
                ok("status=failed", i -> status(i) == Status.FAILED),
                ok("status=Success&action=update", i -> status(i) == Status.SUCCESS && is(i, ActionType.UPDATE)),
                ok("actor=alice", i -> "alice".equals(actor(i))),
                ok("loginName=mallory", i -> "mallory".equals(Seeds.loginName(i))),
                ok(
                        "loginName=bob&action=login%20failed",
                        i -> "bob".equals(Seeds.loginName(i)) && is(i, ActionType.LOGIN_FAILED)),
                ok("loginName=nobody", i -> false),
                ok(
                        "actor=zo%C3%AB&action=Read,Login&action=logout",
                        i -> "zoë".equals(actor(i))
                                && (is(i, ActionType.READ) || is(i, ActionType.LOGIN) || is(i, ActionType.LOGOUT))),
                ok("from=2026-03-02", i -> !time(i).isBefore(at("2026-03-02T00:00:00Z"))),
                ok("to=2026-03-02", i -> time(i).isBefore(at("2026-03-02T00:00:00Z"))),
                ok("from=2026-03-02&to=2026-03-03", i -> between(i, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")),
                ok("from=2026-03-02T10:00:00Z", i -> !time(i).isBefore(at("2026-03-02T10:00:00Z"))),
                ok("from=2026-03-02T10:00:00%2B02:00", i -> !time(i).isBefore(at("2026-03-02T08:00:00Z"))),
                ok("to=2026-03-03T12:00", i -> time(i).isBefore(at("2026-03-03T12:00:00Z"))),
                ok(
                        "from=2026-03-02T06:00:00.000Z&to=2026-03-02T05:00:00-05:00",
                        i -> between(i, "2026-03-02T06:00:00Z", "2026-03-02T10:00:00Z")),
                ok("targetType=Invoice", i -> "Invoice".equals(targetType(i))),
                ok(
                        "targetType=Invoice&targetId=2",
                        i -> "Invoice".equals(targetType(i)) && targetId(i).equals("2")),
                ok("q=unlucky", i -> i % 5 == 0),
                ok("q=%C3%BCn%C3%AFcode", i -> i == 7),
                ok("limit=5&action=Read,Update", i -> is(i, ActionType.READ) || is(i, ActionType.UPDATE)),
                ok("limit=1000", i -> true),
                ok("limit=5000", i -> true), // capped to a page of 1,000
                ok("requestId=req-3&status=SUCCESS", i -> requestId(i).equals("req-3") && status(i) == Status.SUCCESS),
                ok(
                        "action=Read&status=success&from=2026-03-03&limit=2",
                        i -> is(i, ActionType.READ)
                                && status(i) == Status.SUCCESS
                                && !time(i).isBefore(at("2026-03-03T00:00:00Z"))),
                ok("actor=alice&unknown=ignored", i -> "alice".equals(actor(i))),
                bad("status=maybe"),
                bad("from=yesterday"),
                bad("to=2026-13-01"),
                bad("from=2026-03-02T10:00:00+02:00"), // an unencoded + arrives as a space
                bad("limit=0"),
                bad("limit=ten"),
                bad("limit=-1"),
                bad("actor=a&actor=b"),
                bad("from=2026-03-03&to=2026-03-02"),
                bad("cursor=garbage!"),
                bad("action=Login%07"));
    }

    static ReadApiCase ok(String query, IntPredicate expected) {
        return new ReadApiCase(query, expected, "csv", "jsonl");
    }

    static ReadApiCase bad(String query) {
        return new ReadApiCase(query, null, "csv", "jsonl");
    }

    ReadApiCase formats(String csv, String jsonl) {
        return new ReadApiCase(query, expected, csv, jsonl);
    }

    /** Whether the read API must answer 400. */
    public boolean isBad() {
        return expected == null;
    }

    /** The seed indexes that must be returned, newest first. */
    public List<Integer> expectedIndexes() {
        IntPredicate p = Objects.requireNonNull(expected, "a bad case selects nothing");
        return java.util.stream.IntStream.iterate(Seeds.COUNT - 1, i -> i >= 0, i -> i - 1)
                .filter(p)
                .boxed()
                .toList();
    }

    @Override
    public String toString() {
        return (isBad() ? "400 " : "") + "?" + query + (csv.equals("csv") ? "" : " format=" + csv + "/" + jsonl);
    }

    private static boolean is(int i, ActionType type) {
        return action(i).equals(type);
    }

    private static boolean between(int i, String from, String to) {
        return !time(i).isBefore(at(from)) && time(i).isBefore(at(to));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
