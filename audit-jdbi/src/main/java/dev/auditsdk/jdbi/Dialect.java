// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import java.nio.ByteBuffer;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * What differs between the supported databases: how ids and times are stored, how an insert is made
 * idempotent, how keyset conditions and batched deletes are written. Chosen from the connection's
 * metadata, never configured, so a store cannot be pointed at the wrong SQL.
 */
enum Dialect {
    H2("H2", "h2"),
    POSTGRESQL("PostgreSQL", "postgresql"),
    MARIADB("MariaDB", "mariadb"),
    MYSQL("MySQL", "mysql");

    static final String SUPPORTED = "H2 2.x, PostgreSQL 13+, MariaDB 10.6+ and MySQL 8+";

    private final String displayName;
    private final String vendor;

    Dialect(String displayName, String vendor) {
        this.displayName = displayName;
        this.vendor = vendor;
    }

    /**
     * The dialect of the database behind this metadata.
     *
     * @throws UnsupportedOperationException naming the supported databases, for any other database or version
     */
    static Dialect of(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        int major = meta.getDatabaseMajorVersion();
        int minor = meta.getDatabaseMinorVersion();
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        Dialect d = null;
        boolean ok = false;
        if (p.equals("h2")) {
            d = H2;
            ok = major >= 2;
        } else if (p.equals("postgresql")) {
            d = POSTGRESQL;
            ok = major >= 13;
        } else if (p.contains("mariadb") || (p.equals("mysql") && version != null && version.contains("MariaDB"))) {
            d = MARIADB;
            // MySQL drivers report a MariaDB server as "5.5.5-10.x"; the real version follows the prefix.
            if (version != null && version.startsWith("5.5.5-")) {
                String[] parts = version.substring(6).split("[.-]", -1);
                major = Integer.parseInt(parts[0]);
                minor = Integer.parseInt(parts[1]);
            }
            ok = major > 10 || (major == 10 && minor >= 6);
        } else if (p.equals("mysql")) {
            d = MYSQL;
            ok = major >= 8;
        }
        if (d == null || !ok) {
            throw new UnsupportedOperationException("JdbiActivityStore does not support " + product + " " + version
                    + "; supported databases are " + SUPPORTED);
        }
        return d;
    }

    String displayName() {
        return displayName;
    }

    /** The folder of this dialect's migrations; equal to Flyway's and Spring Boot's {@code {vendor}} names. */
    String vendor() {
        return vendor;
    }

    /** The idempotent insert of one row; the values come in {@link Rows#COLUMNS} order. */
    String insert(String table) {
        String cols = String.join(", ", Rows.COLUMNS);
        String values = Rows.placeholders(this);
        return switch (this) {
            case POSTGRESQL ->
                "INSERT INTO " + table + " (" + cols + ") VALUES (" + values + ") ON CONFLICT (id) DO NOTHING";
            // Unlike INSERT IGNORE, this does not turn data errors into warnings.
            case MARIADB, MYSQL ->
                "INSERT INTO " + table + " (" + cols + ") VALUES (" + values + ") ON DUPLICATE KEY UPDATE id = id";
            // H2's MERGE ... KEY would overwrite an existing row; an audit row is never rewritten.
            case H2 ->
                "INSERT INTO " + table + " (" + cols + ") SELECT " + values
                        + " FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)";
        };
    }

    /** The placeholder of the {@code data} column. */
    String jsonPlaceholder() {
        return this == POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    }

    /** The JDBC value of an id: binary on MariaDB/MySQL so its byte order is the unsigned order. */
    Object id(UUID id) {
        if (this == MARIADB || this == MYSQL) {
            return ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .array();
        }
        return id;
    }

    UUID readId(java.sql.ResultSet rs, String column) throws SQLException {
        if (this == MARIADB || this == MYSQL) {
            ByteBuffer b = ByteBuffer.wrap(rs.getBytes(column));
            return new UUID(b.getLong(), b.getLong());
        }
        return rs.getObject(column, UUID.class);
    }

    /** The JDBC value of a time: UTC, microseconds (the record is already truncated). */
    Object time(Instant at) {
        if (this == MARIADB || this == MYSQL) {
            return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    Instant readTime(java.sql.ResultSet rs, String column) throws SQLException {
        if (this == MARIADB || this == MYSQL) {
            return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Rows strictly after the cursor in newest-first order; binds {@code :cAt} and {@code :cId}. */
    String keysetCondition() {
        // PostgreSQL turns a row comparison into one index range; the others plan the OR form better.
        return this == POSTGRESQL
                ? "(occurred_at, id) < (:cAt, :cId)"
                : "(occurred_at < :cAt OR (occurred_at = :cAt AND id < :cId))";
    }

    /**
     * Deletes at most {@code :n} rows older than {@code :cutoff} that also meet {@code condition}
     * (empty, or {@code " AND …"} of fixed text with bound parameters).
     */
    String purge(String table, String condition) {
        return switch (this) {
            case POSTGRESQL ->
                "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE occurred_at < :cutoff"
                        + condition + " LIMIT :n)";
            case MARIADB, MYSQL ->
                "DELETE FROM " + table + " WHERE occurred_at < :cutoff" + condition + " ORDER BY occurred_at LIMIT :n";
            case H2 ->
                "DELETE FROM " + table + " WHERE occurred_at < :cutoff" + condition + " FETCH FIRST :n ROWS ONLY";
        };
    }

    /** Whether text must lose NUL characters before it is sent (PostgreSQL rejects them in text). */
    boolean rejectsNul() {
        return this == POSTGRESQL;
    }
}
