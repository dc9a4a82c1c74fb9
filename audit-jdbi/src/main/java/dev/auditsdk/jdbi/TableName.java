// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated table name, optionally qualified by a schema ({@code audit.activity_log}). It is the
 * only configured text ever written into SQL, so it must be a plain identifier: letters, digits
 * and underscores, not a reserved word, short enough that the derived index names stay within
 * PostgreSQL's 63 characters.
 */
record TableName(String qualified, String bare) {
    static final String DEFAULT = "activity_log";
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");
    private static final Set<String> RESERVED = Set.of(
            "all",
            "and",
            "as",
            "by",
            "case",
            "check",
            "column",
            "constraint",
            "create",
            "cross",
            "current",
            "default",
            "delete",
            "desc",
            "distinct",
            "drop",
            "else",
            "end",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "group",
            "having",
            "in",
            "index",
            "inner",
            "insert",
            "intersect",
            "into",
            "is",
            "join",
            "key",
            "left",
            "like",
            "limit",
            "not",
            "null",
            "offset",
            "on",
            "or",
            "order",
            "primary",
            "references",
            "right",
            "row",
            "select",
            "set",
            "table",
            "then",
            "to",
            "true",
            "union",
            "unique",
            "update",
            "user",
            "using",
            "values",
            "when",
            "where",
            "with");

    /**
     * @throws IllegalArgumentException if the name is not {@code [schema.]table} made of plain identifiers
     */
    static TableName of(String name) {
        Objects.requireNonNull(name, "tableName");
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2) {
            throw invalid(name, "at most one '.' (schema.table) is allowed");
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw invalid(name, "each part must match [A-Za-z_][A-Za-z0-9_]* and be at most 48 characters");
            }
            if (RESERVED.contains(part.toLowerCase(Locale.ROOT))) {
                throw invalid(name, "'" + part + "' is a reserved SQL word");
            }
        }
        return new TableName(name, parts[parts.length - 1]);
    }

    private static IllegalArgumentException invalid(String name, String why) {
        return new IllegalArgumentException("invalid table name '" + name + "': " + why);
    }
}
