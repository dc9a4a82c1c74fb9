// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The trail's database as the user named it: an unpooled {@link DataSource} (a command needs a
 * connection or two, no pool), which never shows its password.
 */
final class Database implements DataSource {
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;
    private final String table;

    Database(String url, @Nullable String user, @Nullable String password, String table) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.table = Objects.requireNonNull(table, "table");
    }

    String table() {
        return table;
    }

    /** The table, URL and user, for messages; without the password. */
    String where() {
        return mask(table + " at " + url + (user == null ? "" : " as " + user));
    }

    /** {@code text} without the password (see {@link Secrets#mask}). */
    String mask(String text) {
        return Secrets.mask(text, password);
    }

    /**
     * Opens and closes one connection, so a wrong password or an unreachable server is one clear error
     * before any work starts.
     *
     * @throws CliException naming the URL and user and the driver's reason (first line only)
     */
    Database checked() {
        try (Connection c = getConnection()) {
            c.getMetaData();
            return this;
        } catch (SQLException e) {
            throw new CliException(mask("cannot connect to " + url + (user == null ? "" : " as " + user) + ": "
                    + Errors.firstLine(e.getMessage())));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(connectUrl(), user, password);
    }

    /** An H2 URL opens an existing database only: a mistyped path must not leave a new empty file behind. */
    private String connectUrl() {
        boolean h2File =
                url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:");
        return h2File && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS=") ? url + ";IFEXISTS=TRUE" : url;
    }

    @Override
    public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
        return DriverManager.getConnection(url, otherUser, otherPassword);
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return LOGIN_TIMEOUT_SECONDS;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    @Override
    public String toString() {
        return mask("Database[url=" + url + ", user=" + user + ", table=" + table + ", password="
                + (password == null ? "none" : Secrets.MASK) + "]");
    }
}
