// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.ActivityQuery;
import dev.auditsdk.read.ActivityQueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The read API's filters as options. They become the read API's parameter map and go through its
 * one parser ({@link ActivityQueryParameters}), so the command line accepts exactly what
 * {@code GET /api/activity} accepts (action names in any case, dates, limits).
 */
final class FilterOptions {
    @Option(names = "--actor", paramLabel = "ID", description = "Who did it.")
    @Nullable
    String actor;

    @Option(
            names = "--action",
            paramLabel = "ACTION",
            description = "Action type, repeatable or comma-separated: Create, Read, Update, Delete, Login, Logout, "
                    + "'Login Failed' (any case) or a custom action.")
    List<String> actions = List.of();

    @Option(names = "--status", paramLabel = "SUCCESS|FAILED", description = "Outcome.")
    @Nullable
    String status;

    @Option(
            names = "--login-name",
            paramLabel = "NAME",
            description = "User name given at a login, logout or failed login (failed logins have no actor).")
    @Nullable
    String loginName;

    @Option(names = "--target-type", paramLabel = "TYPE", description = "Type of the object acted on.")
    @Nullable
    String targetType;

    @Option(names = "--target-id", paramLabel = "ID", description = "Id of the object acted on.")
    @Nullable
    String targetId;

    @Option(names = "--request-id", paramLabel = "ID", description = "Correlation id of one request.")
    @Nullable
    String requestId;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "From this time on (inclusive): ISO-8601 instant or date-time, or a date (midnight UTC).")
    @Nullable
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Before this time (exclusive); forms as --from.")
    @Nullable
    String to;

    @Option(names = "--q", paramLabel = "TEXT", description = "Text in the remarks.")
    @Nullable
    String text;

    /** The read API's parameter map for these options, plus {@code extra} (e.g. limit and cursor). */
    Map<String, String[]> parameters(Map<String, @Nullable String> extra) {
        Map<String, String[]> p = new LinkedHashMap<>();
        put(p, "actor", actor);
        if (!actions.isEmpty()) {
            p.put("action", actions.toArray(String[]::new));
        }
        put(p, "loginName", loginName);
        put(p, "status", status);
        put(p, "targetType", targetType);
        put(p, "targetId", targetId);
        put(p, "requestId", requestId);
        put(p, "from", from);
        put(p, "to", to);
        put(p, "q", text);
        extra.forEach((name, value) -> put(p, name, value));
        return p;
    }

    /**
     * The query these options (and {@code extra}) ask for.
     *
     * @throws CliException naming the bad value, as the read API's parser does
     */
    ActivityQuery query(Map<String, @Nullable String> extra) {
        try {
            return ActivityQueryParameters.parse(parameters(extra));
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid filter: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, String[]> p, String name, @Nullable String value) {
        if (value != null) {
            p.put(name, new String[] {value});
        }
    }
}
