// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.Status;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A schema that is missing or behind is reported when the store starts (not by every batch
 * afterwards), naming the scripts to run; a table of version 1 upgraded by Flyway keeps its old rows
 * readable and their hashes valid.
 */
class SchemaUpgradeIT {
    private static final String V1 = "db/migration/auditsdk/%s/V1__create_activity_log.sql";
    private static final String V2 = "db/migration/auditsdk/%s/V2__add_login_name.sql";
    private static final String V3 = "db/migration/auditsdk/%s/V3__add_instance.sql";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aMissingTableFailsTheBuildNamingEveryScript(String vendor) {
        try (Database db = Database.open(vendor)) {
            assertThatThrownBy(() -> JdbiActivityStore.builder(db.dataSource())
                            .createSchema(false)
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("activity_log")
                    .hasMessageContaining(V1.formatted(vendor))
                    .hasMessageContaining(V2.formatted(vendor))
                    .hasMessageContaining(V3.formatted(vendor))
                    .hasMessageContaining("createSchema(true)");
            // The store's own pool too: the check is part of starting, whatever gives the connections.
            assertThatThrownBy(() -> JdbiActivityStore.builder(db.url(), db.user(), db.password())
                            .createSchema(false)
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(V1.formatted(vendor));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aVersion1TableIsReportedThenUpgradedAndItsOldRowsStillVerify(String vendor) throws SQLException {
        try (Database db = Database.open(vendor)) {
            DataSource ds = db.dataSource();
            assertThat(migrate(ds, vendor, MigrationVersion.fromVersion("1"))).isEqualTo(1);
            ActivityLog old = HashChain.start("old-chain")
                    .link(ActivityLog.builder(ActionType.LOGIN_FAILED)
                            .schemaVersion(1)
                            .id(UUID.fromString("0190c3b2-7a3e-7c1e-9d5e-3f1a2b3c4d5e"))
                            .occurredAt(Instant.parse("2025-06-01T10:00:00.123456Z"))
                            .status(Status.FAILED)
                            .remarks("Login Attempt Failed for bob with ip: 203.0.113.7")
                            .data(Map.of("username", "bob"))
                            .build());
            insertAsVersion1(ds, old);

            assertThatThrownBy(() ->
                            JdbiActivityStore.builder(ds).createSchema(false).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("[login_name, instance]")
                    .hasMessageContaining(V2.formatted(vendor))
                    .hasMessageContaining(V3.formatted(vendor))
                    .hasMessageNotContaining("V1__");

            // V2, V3, V4 and V5 (and H2's V6 and V8, PostgreSQL's V7)
            Dialect dialect = java.util.Arrays.stream(Dialect.values())
                    .filter(d -> d.vendor().equals(vendor))
                    .findFirst()
                    .orElseThrow();
            assertThat(migrate(ds, vendor, MigrationVersion.LATEST))
                    .isEqualTo(Schema.versions(dialect).size() - 1)
                    .isEqualTo(vendor.equals("mariadb") ? 4 : vendor.equals("h2") ? 6 : 5);
            try (JdbiActivityStore store =
                    JdbiActivityStore.builder(ds).createSchema(false).build()) {
                ActivityLog back = store.get(old.id()).orElseThrow();
                assertThat(back).isEqualTo(old);
                assertThat(back.schemaVersion()).isEqualTo(1);
                assertThat(back.loginName()).isEmpty();

                ActivityLog fresh = HashChain.start("new-chain")
                        .link(ActivityLog.builder(ActionType.LOGIN_FAILED)
                                .status(Status.FAILED)
                                .loginName("bob")
                                .instance("app-2")
                                .build());
                store.append(List.of(fresh));
                assertThat(store.find(ActivityQuery.builder().loginName("bob").build())
                                .items())
                        .containsExactly(fresh);

                List<ActivityLog> rows = new ArrayList<>();
                JdbiTrail.of(ds, "activity_log").forEach(rows::add);
                VerificationReport report = ActivityVerifier.builder().build().verify(rows);
                assertThat(report.clean()).as(report.toJson()).isTrue();
                assertThat(report.rowsValid()).isEqualTo(2);
                assertThat(rows).extracting(ActivityLog::schemaVersion).containsExactlyInAnyOrder(1, 3);
                assertThat(store.get(fresh.id()).orElseThrow().instance()).contains("app-2");
            }
        }
    }

    private static int migrate(DataSource ds, String vendor, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:" + Schema.LOCATION + vendor)
                .table("audit_schema_history")
                .target(target)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The row as this library's first release wrote it: the version 1 columns only. */
    private static void insertAsVersion1(DataSource ds, ActivityLog log) throws SQLException {
        ActivityLog.Integrity in = log.integrity().orElseThrow();
        try (Connection c = ds.getConnection()) {
            Dialect d = Dialect.of(c.getMetaData());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity_log (id, occurred_at, action, status,"
                    + " remarks, data, source, schema_version, chain_id, chain_seq, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, " + d.jsonPlaceholder() + ", ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setObject(i++, d.id(log.id()));
                ps.setObject(i++, d.time(log.occurredAt()));
                ps.setString(i++, log.action().name());
                ps.setString(i++, log.status().name());
                ps.setString(i++, log.remarks().orElseThrow());
                ps.setString(i++, Rows.json(log));
                ps.setString(i++, log.source().wireName());
                ps.setInt(i++, log.schemaVersion());
                ps.setString(i++, in.chainId());
                ps.setLong(i++, in.seq());
                ps.setString(i++, in.prevHash());
                ps.setString(i, in.hash());
                ps.executeUpdate();
            }
        }
    }

    /** An empty private database. */
    private record Database(DataSource dataSource, String url, String user, String password, Runnable drop)
            implements AutoCloseable {
        static Database open(String vendor) {
            if (vendor.equals("h2")) {
                String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
                return new Database(new SwitchableDataSource(url, "sa", ""), url, "sa", "", () -> {});
            }
            TestDatabase db = vendor.equals("mariadb") ? TestDatabases.mariadb() : TestDatabases.postgres();
            return new Database(db.dataSource(), db.url(), db.user(), db.password(), db::close);
        }

        @Override
        public void close() {
            drop.run();
        }
    }
}
