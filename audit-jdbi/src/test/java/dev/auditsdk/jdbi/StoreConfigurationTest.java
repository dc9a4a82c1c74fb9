// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigurationTest {
    @Test
    void rejectsTableNamesThatAreNotPlainIdentifiers() {
        var b = JdbiActivityStore.builder(new SwitchableDataSource("jdbc:h2:mem:x", "sa", ""));
        for (String bad : List.of(
                "activity_log; DROP TABLE users",
                "a b",
                "\"quoted\"",
                "a.b.c",
                "1abc",
                "",
                "select",
                "audit.order",
                "x".repeat(49),
                "log--")) {
            assertThatThrownBy(() -> b.tableName(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid table name");
        }
        b.tableName("audit_2026").tableName("audit.activity_log").tableName("ActivityLog");
    }

    @Test
    void usesAConfiguredSchemaQualifiedTable() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE SCHEMA audit");
            try (JdbiActivityStore store = JdbiActivityStore.builder(Jdbi.create(url, "sa", ""))
                    .tableName("audit.events")
                    .build()) {
                ActivityLog log =
                        ActivityLog.builder(ActionType.LOGIN).actor("alice").build();
                store.append(List.of(log));
                assertThat(store.dialectName()).isEqualTo("H2");
                assertThat(store.get(log.id())).contains(log);
            }
            var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit.events");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            var idx = c.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE 'EVENTS\\_%'");
            idx.next();
            // V1 five with the chain's, V2 login, V4 the outbox's two, V5 tenant
            assertThat(idx.getInt(1)).isEqualTo(9);
            // The outbox sits beside the trail, in its schema, named after it.
            var outbox = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit.events_outbox");
            outbox.next();
            assertThat(outbox.getInt(1)).isZero();
            c.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void anH2FileKeepsItsRecordsAcrossRestarts(@TempDir Path dir) {
        ActivityLog log = ActivityLog.builder(ActionType.CREATE).actor("bob").build();
        try (JdbiActivityStore store = JdbiActivityStore.h2File(dir.resolve("audit"))) {
            store.append(List.of(log));
        }
        try (JdbiActivityStore store = JdbiActivityStore.h2File(dir.resolve("audit"))) {
            assertThat(store.find(ActivityQuery.latest()).items()).containsExactly(log);
        }
        assertThat(dir.resolve("audit.mv.db")).exists();
        assertThatThrownBy(() -> JdbiActivityStore.h2File(dir.resolve("a;INIT=RUNSCRIPT FROM 'x'")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolSizeIsOnlyForAStoreWithItsOwnPool() {
        var b = JdbiActivityStore.builder(new SwitchableDataSource("jdbc:h2:mem:y", "sa", ""))
                .maxPoolSize(2);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("JDBC URL");
        try (JdbiActivityStore store = JdbiActivityStore.builder("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "")
                .maxPoolSize(2)
                .build()) {
            assertThat(store.dialectName()).isEqualTo("H2");
        }
    }

    @Test
    void anUnsupportedDatabaseIsAClearError() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID();
        // A real H2 connection that introduces itself as another product.
        Jdbi jdbi = Jdbi.create(() -> disguised(DriverManager.getConnection(url, "sa", ""), "Oracle", 19));
        assertThatThrownBy(() -> JdbiActivityStore.builder(jdbi).build())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Oracle")
                .hasMessageContaining("H2 2.x, PostgreSQL 13+, MariaDB 10.6+ and MySQL 8+");
        Jdbi oldPostgres = Jdbi.create(() -> disguised(DriverManager.getConnection(url, "sa", ""), "PostgreSQL", 12));
        assertThatThrownBy(() -> JdbiActivityStore.builder(oldPostgres).build())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("PostgreSQL");
    }

    private static Connection disguised(Connection real, String product, int major) throws SQLException {
        DatabaseMetaData meta = real.getMetaData();
        DatabaseMetaData fake = (DatabaseMetaData) Proxy.newProxyInstance(
                StoreConfigurationTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getDatabaseProductVersion" -> major + ".0";
                    case "getDatabaseMajorVersion" -> major;
                    default -> m.invoke(meta, args);
                });
        return (Connection) Proxy.newProxyInstance(
                StoreConfigurationTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, args) -> m.getName().equals("getMetaData") ? fake : m.invoke(real, args));
    }
}
