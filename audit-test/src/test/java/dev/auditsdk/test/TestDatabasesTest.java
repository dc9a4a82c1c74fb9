// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared database test kit against the local servers (skipped when they are away, unless CI). */
class TestDatabasesTest {
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void aPrivateDatabaseIsMadeUsedSwitchedOffAndDropped(String server) throws Exception {
        TestDatabase db = server.equals("postgresql") ? TestDatabases.postgres() : TestDatabases.mariadb();
        try (db) {
            assertThat(db.toString()).isEqualTo(server);
            assertThat(db.schema()).startsWith("audit_t_").isNotEqualTo(TestDatabases.uniqueName("audit_t_"));
            db.execute("CREATE TABLE kit (id INT)", "INSERT INTO kit VALUES (1)");
            try (Connection c = db.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kit")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            SwitchableDataSource ds = db.dataSource();
            try (Connection c = ds.getConnection("ignored", "ignored")) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThat(ds.isWrapperFor(DataSource.class))
                    .as("a plain data source, not a wrapper")
                    .isFalse();
            ds.down(true);
            assertThatThrownBy(ds::getConnection)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"));
            ds.down(false);
            try (Connection c = ds.getConnection()) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThatThrownBy(() -> db.execute("SELECT * FROM no_such_table"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no_such_table");
        }
        // Dropped: the server no longer lists the private schema (PostgreSQL) or database (MariaDB).
        try (Connection c = TestDatabases.connect(db.serverUrl(), db.user(), db.password());
                var q = c.prepareStatement("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            q.setString(1, db.schema());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
