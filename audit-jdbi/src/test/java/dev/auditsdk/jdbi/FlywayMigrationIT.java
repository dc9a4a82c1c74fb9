// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** The shipped scripts are valid Flyway migrations, and the store works on (and re-applies over) what Flyway made. */
class FlywayMigrationIT {
    @Test
    void postgresql() {
        try (TestDatabase db = TestDatabases.postgres()) {
            migrateThenUse(db.dataSource(), Dialect.POSTGRESQL);
            // Flyway's run of every script leaves the same indexes as the store's own start.
            PostgresPartialIndexIT.assertIntendedIndexes(db.dataSource());
        }
        try (TestDatabase flyway = TestDatabases.postgres();
                TestDatabase store = TestDatabases.postgres()) {
            migrate(flyway.dataSource(), Dialect.POSTGRESQL);
            JdbiActivityStore.builder(store.dataSource())
                    .createSchema(true)
                    .build()
                    .close();
            assertThat(PostgresPartialIndexIT.indexes(flyway.dataSource()))
                    .isEqualTo(PostgresPartialIndexIT.indexes(store.dataSource()));
        }
    }

    @Test
    void mariadb() {
        try (TestDatabase db = TestDatabases.mariadb()) {
            migrateThenUse(db.dataSource(), Dialect.MARIADB);
        }
    }

    @Test
    void h2() {
        String url = "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateThenUse(new SwitchableDataSource(url, "sa", ""), Dialect.H2);
    }

    static void migrateThenUse(DataSource ds, Dialect dialect) {
        migrate(ds, dialect);
        ActivityLog log = ActivityLog.builder(ActionType.LOGIN).actor("alice").build();
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(ds).createSchema(false).build()) {
            assertThat(store.dialectName()).isEqualTo(dialect.displayName());
            store.append(List.of(log));
        }
        // Applying the same scripts again on start is harmless.
        try (JdbiActivityStore store =
                JdbiActivityStore.builder(ds).createSchema(true).build()) {
            assertThat(store.get(log.id())).contains(log);
        }
    }

    private static void migrate(DataSource ds, Dialect dialect) {
        MigrateResult result = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:" + Schema.LOCATION + dialect.vendor())
                .table("audit_schema_history")
                .load()
                .migrate();
        assertThat(result.migrationsExecuted).isEqualTo(Schema.versions(dialect).size());
    }
}
