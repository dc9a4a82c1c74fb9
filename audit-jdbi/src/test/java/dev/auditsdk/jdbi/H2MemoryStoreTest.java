// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.util.UUID;

class H2MemoryStoreTest extends JdbiStoreContract {
    @Override
    protected SwitchableDataSource newDataSource() {
        return new SwitchableDataSource("jdbc:h2:mem:t" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    protected void dropDatabase() {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
