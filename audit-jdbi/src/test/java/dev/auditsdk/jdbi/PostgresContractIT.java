// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.test.ActivityStoreContractTest;
import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;

/** The shared store contract on PostgreSQL, through the store's own pool, COPY on as by default (batches of 500 or more). */
class PostgresContractIT extends ActivityStoreContractTest {
    private TestDatabase db;

    @Override
    protected ActivityStore newStore() {
        db = TestDatabases.postgres();
        return JdbiActivityStore.builder(db.url(), db.user(), db.password())
                .createSchema(true)
                .build();
    }

    @Override
    protected void closeStore(ActivityStore store) {
        store.close();
        db.close();
    }
}
