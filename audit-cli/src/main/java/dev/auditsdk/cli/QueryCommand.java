// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.read.ActivityJsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code query}: one page of the read API's answer, newest first, as a table or JSON Lines. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Show the records that match the read API's filters, newest first: a table, or JSON Lines "
                + "with --json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:error"})
final class QueryCommand implements Callable<Integer>, UsesDatabase {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    FilterOptions filters = new FilterOptions();

    @Option(names = "--limit", paramLabel = "N", description = "Records per page (default 100, at most 1000).")
    @Nullable
    String limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page, as printed after a full page.")
    @Nullable
    String cursor;

    @Option(names = "--json", description = "One JSON object per record and line, as the read API writes them.")
    boolean json;

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public ConnectionOptions connection() {
        return connection;
    }

    @Override
    public Integer call() throws IOException {
        Map<String, @Nullable String> extra = new HashMap<>();
        extra.put("limit", limit);
        extra.put("cursor", cursor);
        var query = filters.query(extra);
        Database db = connection.database().checked();
        ActivityPage page;
        try (JdbiActivityStore store = Stores.open(db)) {
            page = store.find(query);
        }
        PrintWriter out = Terminal.out(spec);
        if (json) {
            for (ActivityLog log : page.items()) {
                ActivityJsonWriter.writeLine(log, out);
            }
        } else {
            out.print(Table.of(page.items()));
        }
        out.flush();
        page.nextCursor().ifPresent(c -> Terminal.err(spec).println("more: --cursor " + c));
        return 0;
    }
}
