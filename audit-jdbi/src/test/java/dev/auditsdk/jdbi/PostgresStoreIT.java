// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import dev.auditsdk.test.TestDatabases.TestDatabase;

class PostgresStoreIT extends JdbiStoreContract {
    private TestDatabase db;

    @Override
    protected SwitchableDataSource newDataSource() {
        db = TestDatabases.postgres();
        return db.dataSource();
    }

    @Override
    protected void dropDatabase() {
        db.close();
    }
}
