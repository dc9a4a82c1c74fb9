// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database that goes away mid-run and comes back: the store throws, the recorder retries, and
 * every record is there afterwards, exactly once.
 */
class OutageRecoveryIT {
    @Test
    void postgresOutageLosesNothing() {
        try (TestDatabase db = TestDatabases.postgres()) {
            var ds = db.dataSource();
            survivesOutage(ds, JdbiActivityStore.builder(ds).createSchema(true).build());
        }
    }

    @Test
    void mariadbOutageLosesNothing() {
        try (TestDatabase db = TestDatabases.mariadb()) {
            var ds = db.dataSource();
            survivesOutage(ds, JdbiActivityStore.builder(ds).createSchema(true).build());
        }
    }

    @Test
    void aStoreBuiltWhileTheDatabaseIsDownConnectsWhenItIsBack() {
        try (TestDatabase db = TestDatabases.postgres()) {
            var ds = db.dataSource();
            ds.down(true);
            JdbiActivityStore store =
                    JdbiActivityStore.builder(ds).createSchema(true).build();
            ds.down(false);
            store.append(java.util.List.of(
                    dev.auditsdk.ActivityLog.builder(ActionType.LOGIN).build()));
            assertThat(store.dialectName()).isEqualTo("PostgreSQL");
            assertThat(store.find(ActivityQuery.latest()).items()).hasSize(1);
        }
    }

    static void survivesOutage(SwitchableDataSource ds, JdbiActivityStore store) {
        Set<UUID> ids = new HashSet<>();
        ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .batchSize(100)
                .linger(Duration.ofMillis(5))
                .retry(1000, Duration.ofMillis(20), Duration.ofMillis(100))
                .build();
        try {
            for (int i = 0; i < 3000; i++) {
                if (i == 1000) {
                    assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
                    ds.down(true);
                }
                if (i == 2500) {
                    // The writer must have hit the outage and retried before the database returns.
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> recorder.stats().retried() > 0);
                    ds.down(false);
                }
                int n = i;
                var log = dev.auditsdk.ActivityLog.builder(ActionType.UPDATE)
                        .actor("u" + (n % 7))
                        .target("Doc", String.valueOf(n))
                        .remarks("edit " + n)
                        .build();
                ids.add(log.id());
                recorder.record(log);
            }
            assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
        } finally {
            RecorderStats stats = recorder.close(Duration.ofSeconds(30));
            assertThat(stats.lost()).isZero();
            assertThat(stats.written()).isEqualTo(3000);
        }
        try (JdbiActivityStore reader = JdbiActivityStore.builder(ds).build()) {
            Set<UUID> stored = new HashSet<>();
            ActivityQuery q = ActivityQuery.builder().limit(1000).build();
            while (true) {
                var page = reader.find(q);
                page.items().forEach(l -> assertThat(stored.add(l.id())).isTrue());
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                q = q.toBuilder().cursor(page.nextCursor().get()).build();
            }
            assertThat(stored).isEqualTo(ids);
            assertThat(store.poisonRows()).isZero();
        }
    }
}
