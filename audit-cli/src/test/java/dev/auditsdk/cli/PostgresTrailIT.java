// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar against a trail in PostgreSQL. */
class PostgresTrailIT {
    @TempDir
    Path dir;

    private TestDatabase pg;
    private Trail trail;

    @BeforeEach
    void seed() throws Exception {
        pg = TestDatabases.postgres();
        try (JdbiActivityStore store = JdbiActivityStore.builder(pg.url(), pg.user(), pg.password())
                .createSchema(true)
                .build()) {
            trail = Trail.write(store, dir, 0, 40);
        }
    }

    @AfterEach
    void drop() {
        if (pg != null) {
            pg.close();
        }
    }

    private Cli.Run cli(String... args) {
        return Cli.run(dir, Map.of(ConnectionOptions.PASSWORD_ENV, pg.password()), args);
    }

    private Cli.Run verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--url", pg.url(), "--user", pg.user()));
        args.addAll(trail.checkpointArgs());
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void cleanThenTamperedNamingTheRow() {
        Cli.Run clean = verify();
        assertThat(clean.exitCode()).as(clean.both()).isZero();
        assertThat(clean.out()).startsWith("CLEAN: 40 rows checked, 40 valid");

        String tampered = trail.logs().get(25).id().toString();
        pg.execute("UPDATE activity_log SET remarks = 'nothing to see' WHERE id = '" + tampered + "'");
        Cli.Run bad = verify();
        assertThat(bad.exitCode()).as(bad.both()).isEqualTo(1);
        assertThat(bad.out()).contains("first bad row: ALTERED").contains("id=" + tampered);
    }

    @Test
    void aWrongPasswordIsAClearErrorThatNeverShowsThePassword() {
        String role = TestDatabases.uniqueName("audit_cli_role_");
        String rightPassword = "Right-" + TestDatabases.uniqueName("pw");
        String wrongPassword = "Wrong-" + TestDatabases.uniqueName("pw");
        // .ci/run makes the members of this group give their password (pg_hba) on a server that trusts everyone else
        pg.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + rightPassword + "'"
                + (roleExists(PASSWORD_CHECKED) ? " IN ROLE " + PASSWORD_CHECKED : ""));
        try {
            assumePasswordsAreChecked(role, wrongPassword);
            String[] args = {"verify", "--url", pg.url(), "--user", role, "--password-env", "AUDIT_CLI_PW"};
            List<Cli.Run> runs = List.of(
                    Cli.run(dir, Map.of("AUDIT_CLI_PW", wrongPassword), args),
                    Cli.run(dir, Map.of("AUDIT_CLI_PW", wrongPassword), append(args, "--json")),
                    Cli.run(dir, Map.of("AUDIT_CLI_PW", wrongPassword), append(args, "--verbose")),
                    Cli.run(
                            dir,
                            Map.of(ConnectionOptions.PASSWORD_ENV, wrongPassword),
                            "purge",
                            "--url",
                            pg.url(),
                            "--user",
                            role,
                            "--before",
                            "2021-01-01",
                            "--yes"),
                    // the prompt reads stdin when it is not a terminal
                    Cli.runWithInput(
                            dir,
                            Map.of(),
                            wrongPassword + "\n",
                            "verify",
                            "--url",
                            pg.url(),
                            "--user",
                            role,
                            "--password"));
            for (Cli.Run run : runs) {
                assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
                assertThat(run.err())
                        .contains("cannot connect to " + pg.url() + " as " + role)
                        .contains("password authentication failed");
                assertThat(run.both()).doesNotContain(wrongPassword).doesNotContain(rightPassword);
            }
            assertThat(runs.get(0).err().strip().lines())
                    .as("one line, no stack trace")
                    .hasSize(1);
            assertThat(runs.get(2).err()).as("--verbose shows the trace").contains("\tat ");
        } finally {
            pg.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void anUnreachableServerIsAClearError() {
        Cli.Run run = cli("verify", "--url", "jdbc:postgresql://127.0.0.1:1/test", "--user", "nobody");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("audit-cli verify: cannot connect to jdbc:postgresql://127.0.0.1:1/test as nobody: ")
                .doesNotContain("\tat ");
    }

    private static final String PASSWORD_CHECKED = "audit_password_checked";

    /** A server that trusts local connections (pg_hba {@code trust}) lets any password in: nothing to test there. */
    private void assumePasswordsAreChecked(String role, String wrongPassword) {
        try {
            DriverManager.getConnection(pg.url(), role, wrongPassword).close();
            Assumptions.abort("the PostgreSQL server at " + pg.serverUrl()
                    + " does not check passwords (pg_hba trust); the H2 test covers a wrong password");
        } catch (SQLException expected) {
            assertThat(expected.getMessage()).contains("password authentication failed");
        }
    }

    private static String[] append(String[] args, String more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(more);
        return all.toArray(String[]::new);
    }

    private boolean roleExists(String role) {
        try (Connection c = pg.connect();
                var q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            q.setString(1, role);
            try (var rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
