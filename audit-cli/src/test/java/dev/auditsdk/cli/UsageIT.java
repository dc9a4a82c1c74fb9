// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version, the completion script and the jar's contents. */
class UsageIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"verify", "query", "export", "purge"})
    void everyCommandHasHelp(String command) {
        Cli.Run run = Cli.run(dir, Map.of(), command, "--help");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Usage: audit-cli " + command)
                .contains("--url=JDBC_URL", "--password-env=NAME", "--password ", "Exit codes:");
    }

    @Test
    void topLevelHelpListsTheCommandsAndVersionNamesTheBuild() {
        Cli.Run help = Cli.run(dir, Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("verify", "query", "export", "purge").doesNotContain("generate-completion");
        Cli.Run version = Cli.run(dir, Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("audit-cli ").doesNotContain("${");
    }

    @Test
    void theBuildShipsABashCompletionScript() throws Exception {
        Path script = Path.of(System.getProperty("audit.cli.completion", "target/audit-cli_completion"));
        assertThat(script).isRegularFile();
        assertThat(Files.readString(script))
                .contains("complete -F _complete_audit-cli")
                .contains(
                        "function _picocli_audit-cli_verify()",
                        "function _picocli_audit-cli_query()",
                        "function _picocli_audit-cli_export()",
                        "function _picocli_audit-cli_purge()");
        Cli.Run generated = Cli.run(dir, Map.of(), "generate-completion");
        assertThat(generated.exitCode()).isZero();
        assertThat(generated.out()).contains("_picocli_audit-cli_verify");
    }

    @Test
    void theJarRegistersAllThreeDriversAndAMainClass() throws Exception {
        try (JarFile jar = new JarFile(Cli.jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(AuditCli.class.getName());
            String drivers = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(drivers).contains("org.h2.Driver", "org.postgresql.Driver", "org.mariadb.jdbc.Driver");
        }
    }
}
