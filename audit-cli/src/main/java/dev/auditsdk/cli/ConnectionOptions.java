// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every command shares: where the trail is, and how the password arrives. The password
 * never comes from the command line (other users see it there): from an environment variable, or
 * typed at a prompt that does not echo.
 */
final class ConnectionOptions {
    static final String PASSWORD_ENV = "AUDIT_DB_PASSWORD";

    @Option(
            names = "--url",
            required = true,
            paramLabel = "JDBC_URL",
            description = "JDBC URL of the audit database (H2, PostgreSQL, MariaDB/MySQL).")
    @Nullable
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    @Nullable
    String user;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            defaultValue = "activity_log",
            description = "Audit table, optionally schema.table (default: ${DEFAULT-VALUE}).")
    String table = "activity_log";

    @Option(
            names = "--password",
            interactive = true,
            description = "Prompt for the password (not echoed). Without it the password is read from " + "$"
                    + PASSWORD_ENV + " or the variable named by --password-env.")
    char @Nullable [] password;

    @Option(
            names = "--password-env",
            paramLabel = "NAME",
            description = "Environment variable holding the password (default: " + PASSWORD_ENV + ").")
    @Nullable
    String passwordEnv;

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    /** The database these options name, with the password from {@code System.getenv}. */
    Database database() {
        return database(System::getenv);
    }

    /**
     * The database these options name.
     *
     * @throws CliException when {@code --password-env} names a variable that is not set
     */
    Database database(Function<String, @Nullable String> env) {
        if (url == null) {
            throw new CliException("--url is required");
        }
        return new Database(url, user, password(env), table);
    }

    private @Nullable String password(Function<String, @Nullable String> env) {
        if (password != null) {
            return new String(password);
        }
        if (passwordEnv != null) {
            String v = env.apply(passwordEnv);
            if (v == null) {
                throw new CliException("environment variable " + passwordEnv + " (--password-env) is not set");
            }
            return v;
        }
        return env.apply(PASSWORD_ENV);
    }

    /** {@code text} without the password these options give (typed or from the environment). */
    String mask(String text) {
        String env = System.getenv(passwordEnv == null ? PASSWORD_ENV : passwordEnv);
        return Secrets.mask(text, password != null ? new String(password) : env);
    }

    @Override
    public String toString() {
        return Secrets.mask(
                "ConnectionOptions[url=" + url + ", user=" + user + ", table=" + table + ", password="
                        + (password == null ? "not typed" : Secrets.MASK) + ", passwordEnv="
                        + (passwordEnv == null ? PASSWORD_ENV : passwordEnv) + "]",
                password == null ? null : new String(password));
    }
}
