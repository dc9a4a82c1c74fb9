// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements the store applies for a configured table name. */
class SchemaTest {
    @Test
    void aTableNamedLikeTheScriptsIsRenamedOnce() {
        List<String> statements = Schema.statements(Dialect.POSTGRESQL, TableName.of("audit.activity_log_v2"));
        assertThat(statements)
                .anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS audit.activity_log_v2 ("))
                .anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS audit.activity_log_v2_outbox ("))
                .anyMatch(s -> s.startsWith(
                        "CREATE INDEX IF NOT EXISTS activity_log_v2_outbox_lease_idx ON audit.activity_log_v2_outbox "))
                .anyMatch(s -> s.startsWith(
                        "CREATE INDEX IF NOT EXISTS activity_log_v2_actor_nn_idx ON audit.activity_log_v2 "))
                .contains("DROP INDEX IF EXISTS audit.activity_log_v2_actor_idx")
                .noneMatch(s -> s.contains("_v2_v2"));
    }

    @Test
    void theStoreCreatesNoIndexThatALaterVersionDrops() {
        for (TableName table : List.of(TableName.of(TableName.DEFAULT), TableName.of("audit.trail"))) {
            List<String> statements = Schema.statements(Dialect.POSTGRESQL, table);
            String prefix = table.bare();
            for (String old : PostgresPartialIndexIT.OLD) {
                String name = prefix + old.substring("activity_log".length());
                assertThat(statements)
                        .filteredOn(s -> s.startsWith("CREATE") && s.contains(" " + name + " "))
                        .as(name)
                        .isEmpty();
                String schema = table.qualified().equals(table.bare()) ? "" : "audit.";
                assertThat(statements).contains("DROP INDEX IF EXISTS " + schema + name);
            }
            for (String partial : PostgresPartialIndexIT.PARTIAL.keySet()) {
                String name = prefix + partial.substring("activity_log".length());
                assertThat(statements).anyMatch(s -> s.startsWith("CREATE INDEX IF NOT EXISTS " + name + " ON "));
            }
        }
        // The indexes no later version drops stay, and the dialects without V7 keep every CREATE.
        assertThat(Schema.statements(Dialect.POSTGRESQL, TableName.of(TableName.DEFAULT)))
                .anyMatch(s -> s.startsWith("CREATE INDEX IF NOT EXISTS activity_log_time_idx "))
                .anyMatch(s -> s.startsWith("CREATE UNIQUE INDEX IF NOT EXISTS activity_log_chain_idx "));
        for (Dialect other : List.of(Dialect.H2, Dialect.MARIADB)) {
            assertThat(Schema.statements(other, TableName.of(TableName.DEFAULT)))
                    .as(other.name())
                    .noneMatch(s -> s.startsWith("DROP"))
                    .anyMatch(s -> s.contains(" activity_log_actor_idx "));
        }
    }
}
