// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 12 defect 15: the verifier's options printed the database password. */
class ConnectionOptionsTest {
    private static final String SECRET = "hunter2-s3cret";

    private static VerifyCommand parse(String... args) {
        VerifyCommand verify = new VerifyCommand();
        new CommandLine(verify).parseArgs(args);
        return verify;
    }

    @Test
    void optionsAndDatabaseNeverPrintThePassword() {
        VerifyCommand verify = parse("--url", "jdbc:postgresql://db/app", "--user", "audit", "--password-env", "PW");
        Database db = verify.connection.database(Map.of("PW", SECRET)::get);
        assertThat(verify.connection.toString())
                .contains("jdbc:postgresql://db/app")
                .doesNotContain(SECRET);
        assertThat(db.toString()).contains("audit").doesNotContain(SECRET);
        assertThat(db.where()).doesNotContain(SECRET);
    }

    @Test
    void theDefaultVariableIsAuditDbPassword() {
        VerifyCommand verify = parse("--url", "jdbc:h2:mem:x");
        Database db = verify.connection.database(Map.of(ConnectionOptions.PASSWORD_ENV, SECRET)::get);
        assertThat(db.mask("login failed for " + SECRET)).isEqualTo("login failed for ****");
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsMaskedToo() {
        assertThat(Secrets.mask("jdbc:postgresql://db/app?user=a&password=" + SECRET + "&ssl=true", null))
                .isEqualTo("jdbc:postgresql://db/app?user=a&password=****&ssl=true");
        assertThat(Secrets.mask("jdbc:mariadb://audit:" + SECRET + "@db:3306/app", null))
                .isEqualTo("jdbc:mariadb://audit:****@db:3306/app");
        VerifyCommand verify = parse("--url", "jdbc:postgresql://db/app?password=" + SECRET);
        assertThat(verify.connection.toString()).doesNotContain(SECRET);
        assertThat(verify.connection.database(Map.<String, String>of()::get).toString())
                .doesNotContain(SECRET);
    }

    @Test
    void aPasswordGivenAsAnOptionValueIsRefusedWithoutRepeatingIt() {
        assertThat(AuditCli.passwordOnCommandLine(new String[] {"verify", "--password", SECRET}))
                .contains("--password takes no value")
                .doesNotContain(SECRET);
        assertThat(AuditCli.passwordOnCommandLine(new String[] {"verify", "--password=" + SECRET}))
                .doesNotContain(SECRET);
        assertThat(AuditCli.passwordOnCommandLine(new String[] {"verify", "--password", "--url", "x"}))
                .isNull();
    }
}
