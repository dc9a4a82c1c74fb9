// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.jdbi.JdbiActivityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar against an H2 file trail. */
class H2TrailIT {
    @TempDir
    Path dir;

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    private Trail write(String name, int old, int recent) throws Exception {
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(url(name), "sa", "").build()) {
            return Trail.write(store, dir, old, recent);
        }
    }

    private Cli.Run cli(String... args) {
        return Cli.run(dir, Map.of(), args);
    }

    private Cli.Run verify(String name, Trail trail, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--url", url(name), "--user", "sa"));
        args.addAll(trail.checkpointArgs());
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void verifiesACleanTrailAndNamesTheTamperedRowOfACopy() throws Exception {
        Trail trail = write("audit", 0, 30);

        Cli.Run clean = verify("audit", trail);
        assertThat(clean.exitCode()).as(clean.both()).isZero();
        assertThat(clean.out()).startsWith("CLEAN: 30 rows checked, 30 valid");
        assertThat(clean.err()).as("no progress when output is redirected").isEmpty();
        assertThat(verify("audit", trail, "--json").out()).contains("\"status\":\"clean\"");

        Files.copy(dir.resolve("audit.mv.db"), dir.resolve("copy.mv.db"));
        String tampered = trail.logs().get(12).id().toString();
        try (Connection c = DriverManager.getConnection(url("copy"), "sa", "");
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(
                            "UPDATE activity_log SET remarks = 'nothing to see' WHERE id = '" + tampered + "'"))
                    .isEqualTo(1);
        }
        Cli.Run bad = verify("copy", trail);
        assertThat(bad.exitCode()).as(bad.both()).isEqualTo(1);
        assertThat(bad.out())
                .startsWith("TAMPERED")
                .contains("first bad row: ALTERED")
                .contains("id=" + tampered);
        Cli.Run badJson = verify("copy", trail, "--json");
        assertThat(badJson.exitCode()).isEqualTo(1);
        assertThat(badJson.out()).contains("\"status\":\"tampered\"").contains(tampered);
        assertThat(verify("audit", trail).exitCode())
                .as("the original is untouched")
                .isZero();
    }

    @Test
    void purgeKeepsTheTrailVerifiable() throws Exception {
        Trail trail = write("audit", 20, 10);
        String[] purge = {"purge", "--url", url("audit"), "--user", "sa", "--before", "2021-01-01"};

        Cli.Run unconfirmed = cli(purge);
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("confirm with --yes");
        assertThat(verify("audit", trail).out()).as("nothing deleted").startsWith("CLEAN: 30 rows checked");

        List<String> args = new ArrayList<>(List.of(purge));
        args.addAll(List.of(
                "--yes",
                "--checkpoints",
                trail.checkpoints().toString(),
                "--private-key",
                trail.privateKey().toString()));
        Cli.Run purged = cli(args.toArray(String[]::new));
        assertThat(purged.exitCode()).as(purged.both()).isZero();
        assertThat(purged.out()).startsWith("purged 20 records before 2021-01-01T00:00:00Z");

        Cli.Run after = verify("audit", trail, "--json");
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(after.out()).contains("\"rowsChecked\":11").contains("\"purgedGaps\":1");
    }

    @Test
    void aMissingTableIsOneLineOnStderrAndAStackTraceOnlyWhenVerbose() {
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(url("audit"), "sa", "").build()) {
            store.dialectName();
        }
        Cli.Run run = cli("verify", "--url", url("audit"), "--user", "sa", "--table", "nothing_here");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("audit-cli verify: database error: Table \"NOTHING_HERE\" not found");
        assertThat(run.err().strip().lines()).hasSize(1);

        Cli.Run json = cli("verify", "--url", url("audit"), "--user", "sa", "--table", "nothing_here", "--json");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.out()).startsWith("{\"status\":\"error\",\"error\":\"database error: Table");

        Cli.Run verbose = cli("verify", "--url", url("audit"), "--user", "sa", "--table", "nothing_here", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("\tat org.h2.");

        Cli.Run missing = cli("verify", "--url", url("no_such_db"), "--user", "sa");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("audit-cli verify: cannot connect to " + url("no_such_db"));
        assertThat(dir.resolve("no_such_db.mv.db"))
                .as("no empty database left behind")
                .doesNotExist();
    }

    @Test
    void aWrongPasswordIsAClearErrorThatNeverShowsThePassword() {
        String right = "Right-pw-4711";
        String wrong = "Wrong-pw-0815";
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(url("locked"), "sa", right).build()) {
            store.dialectName();
        }
        List<Cli.Run> runs = List.of(
                Cli.run(
                        dir,
                        Map.of(ConnectionOptions.PASSWORD_ENV, wrong),
                        "verify",
                        "--url",
                        url("locked"),
                        "--user",
                        "sa"),
                Cli.run(
                        dir,
                        Map.of("PW", wrong),
                        "verify",
                        "--url",
                        url("locked"),
                        "--user",
                        "sa",
                        "--password-env",
                        "PW",
                        "--json"),
                Cli.run(
                        dir,
                        Map.of(ConnectionOptions.PASSWORD_ENV, wrong),
                        "purge",
                        "--url",
                        url("locked"),
                        "--user",
                        "sa",
                        "--before",
                        "2021-01-01",
                        "--yes"),
                Cli.runWithInput(
                        dir, Map.of(), wrong + "\n", "verify", "--url", url("locked"), "--user", "sa", "--password"));
        for (Cli.Run run : runs) {
            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("audit-cli " + (run == runs.get(2) ? "purge" : "verify") + ": cannot connect to "
                            + url("locked") + " as sa: Wrong user name or password");
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.both()).doesNotContain(wrong).doesNotContain(right);
        }
        Cli.Run ok = Cli.run(
                dir, Map.of(ConnectionOptions.PASSWORD_ENV, right), "verify", "--url", url("locked"), "--user", "sa");
        assertThat(ok.exitCode()).as(ok.both()).isZero();
    }

    @Test
    void anEmptyTrailIsCleanAndBadArgumentsAreErrors() {
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(url("audit"), "sa", "").build()) {
            store.dialectName();
        }
        assertThat(cli("verify", "--url", url("audit"), "--user", "sa").out()).startsWith("CLEAN: 0 rows checked");
        Cli.Run noUrl = cli("verify");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err())
                .contains("Missing required option: '--url=JDBC_URL'")
                .contains("Usage: audit-cli verify");
        Cli.Run half = cli("verify", "--url", url("audit"), "--checkpoints", "c.jsonl");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--public-key");
        assertThat(cli("verify", "--url", url("audit"), "--bogus").exitCode()).isEqualTo(2);
        assertThat(cli().exitCode()).isEqualTo(2);
    }
}
