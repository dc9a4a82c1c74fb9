// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Status;
import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code query} and {@code export} of the real jar return what the store returns for the same
 * filters (built here with {@link ActivityQuery.Builder}, independently of the option mapping).
 */
class QueryExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Options and the same filters as a query builder. */
    private record Case(List<String> options, UnaryOperator<ActivityQuery.Builder> filters) {}

    private static final List<Case> CASES = List.of(
            new Case(List.of(), b -> b),
            new Case(List.of("--actor", "alice"), b -> b.actor("alice")),
            new Case(
                    List.of("--action", "update", "--action", "DELETE"),
                    b -> b.actions(List.of(ActionType.UPDATE, ActionType.DELETE))),
            new Case(List.of("--action", "login failed"), b -> b.action(ActionType.LOGIN_FAILED)),
            new Case(List.of("--status", "failed"), b -> b.status(Status.FAILED)),
            new Case(List.of("--target-type", "Invoice"), b -> b.targetType("Invoice")),
            new Case(List.of("--from", "2021-01-01"), b -> b.from(java.time.Instant.parse("2021-01-01T00:00:00Z"))),
            new Case(
                    List.of("--to", "2020-03-01T12:00:30Z", "--actor", "bob"),
                    b -> b.to(java.time.Instant.parse("2020-03-01T12:00:30Z")).actor("bob")),
            new Case(List.of("--q", "Action Type: Read"), b -> b.text("Action Type: Read")));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void queryAndExportReturnWhatTheStoreReturns(String database) throws Exception {
        TestDatabase pg = database.equals("postgresql") ? TestDatabases.postgres() : null;
        String url =
                pg != null ? pg.url() : "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
        String user = pg != null ? pg.user() : "sa";
        String password = pg != null ? pg.password() : "";
        try {
            seed(url, user, password);
            Map<String, String> env = Map.of(ConnectionOptions.PASSWORD_ENV, password);
            List<String> base = List.of("--url", url, "--user", user);
            // every case on H2; on PostgreSQL the ones whose SQL differs most (lists, times), to keep the run short
            List<Case> cases = pg == null ? CASES : List.of(CASES.get(0), CASES.get(2), CASES.get(3), CASES.get(6));
            for (Case c : cases) {
                List<String> expected;
                try (JdbiActivityStore reader =
                        JdbiActivityStore.builder(url, user, password).build()) {
                    expected = ids(
                            reader, c.filters().apply(ActivityQuery.builder()).build());
                }
                assertThat(expected)
                        .as("the case %s selects something", c.options())
                        .isNotEmpty();

                Cli.Run query = Cli.run(dir, env, args("query", base, c.options(), "--limit", "1000", "--json"));
                assertThat(query.exitCode()).as(query.both()).isZero();
                assertThat(jsonIds(query.out())).as("query %s", c.options()).isEqualTo(expected);

                Cli.Run jsonl = Cli.run(dir, env, args("export", base, c.options(), "--format", "jsonl"));
                assertThat(jsonl.exitCode()).as(jsonl.both()).isZero();
                assertThat(jsonIds(jsonl.out()))
                        .as("export jsonl %s", c.options())
                        .isEqualTo(expected);

                Path csvFile = dir.resolve("export.csv");
                Cli.Run csv = Cli.run(dir, env, args("export", base, c.options(), "--output", csvFile.toString()));
                assertThat(csv.exitCode()).as(csv.both()).isZero();
                assertThat(csv.err()).contains("exported " + expected.size() + " records");
                assertThat(csvIds(csvFile)).as("export csv %s", c.options()).isEqualTo(expected);
            }

            String csv = Files.readString(dir.resolve("export.csv"));
            Cli.Run all = Cli.run(dir, env, args("export", base, List.of("--actor", "mallory")));
            assertThat(all.out())
                    .as("formula-safe, quoted")
                    .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), \"\"quoted\"\"\"");
            assertThat(csv).isNotEmpty();

            Cli.Run table = Cli.run(dir, env, args("query", base, List.of("--actor", "mallory")));
            assertThat(table.out())
                    .startsWith("OCCURRED AT")
                    .contains("mallory  Login Failed  FAILED")
                    .endsWith("1 record\n");
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--status=maybe", "--from=yesterday", "--limit=0"})
    void aBadFilterIsAnErrorNamingIt(String option) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
        try (JdbiActivityStore store = JdbiActivityStore.builder(url, "sa", "").build()) {
            store.dialectName();
        }
        String name = option.substring(2, option.indexOf('='));
        for (String command : List.of("query", "export")) {
            if (command.equals("export") && name.equals("limit")) {
                continue;
            }
            Cli.Run run = Cli.run(dir, Map.of(), command, "--url", url, "--user", "sa", option);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("audit-cli " + command + ": invalid filter: ")
                    .contains(name);
        }
        Cli.Run format = Cli.run(dir, Map.of(), "export", "--url", url, "--user", "sa", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("xml");
    }

    /** A trail, and a failed login whose remarks a spreadsheet would take for a formula; closed again (H2: one process at a time). */
    private void seed(String url, String user, String password) throws IOException {
        try (JdbiActivityStore store = JdbiActivityStore.builder(url, user, password)
                        .createSchema(true)
                        .build();
                ActivityRecorder sync = ActivityRecorder.builder()
                        .store(store)
                        .closeSinkOnClose(false)
                        .mode(RecorderMode.SYNC)
                        .build()) {
            Trail.write(store, dir, 60, 60);
            sync.record(ActivityLog.builder(ActionType.LOGIN_FAILED)
                    .actor("mallory")
                    .status(Status.FAILED)
                    .remarks("=HYPERLINK(\"http://evil\",\"x\"), \"quoted\"")
                    .build());
        }
    }

    private static String[] args(String command, List<String> base, List<String> options, String... more) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(base);
        all.addAll(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Every matching id, newest first, following the store's cursor. */
    private static List<String> ids(JdbiActivityStore store, ActivityQuery query) {
        List<String> ids = new ArrayList<>();
        ActivityQuery q = query.toBuilder().limit(ActivityQuery.MAX_LIMIT).build();
        while (true) {
            ActivityPage page = store.find(q);
            page.items().forEach(l -> ids.add(l.id().toString()));
            Optional<String> next = page.nextCursor();
            if (next.isEmpty()) {
                return ids;
            }
            q = q.toBuilder().cursor(next.get()).build();
        }
    }

    private static List<String> jsonIds(String jsonLines) {
        return jsonLines
                .lines()
                .map(line -> {
                    try {
                        return JSON.readTree(line).get("id").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    private static List<String> csvIds(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            List<String> all = lines.toList();
            assertThat(all.get(0)).startsWith("id,occurredAt,");
            return all.subList(1, all.size()).stream()
                    .map(l -> l.substring(0, l.indexOf(',')))
                    .toList();
        }
    }
}
