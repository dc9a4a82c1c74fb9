// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import java.nio.file.Path;

/** A fresh database for one test: a private PostgreSQL schema, MariaDB database or H2 file, with its store. */
record TestDb(String url, String user, String password, JdbiActivityStore store, Runnable drop)
        implements AutoCloseable {
    static TestDb open(String database, Path dir) {
        if (database.equals("h2")) {
            String url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
            return new TestDb(
                    url, "sa", "", JdbiActivityStore.builder(url, "sa", "").build(), () -> {});
        }
        TestDatabase db = database.equals("mariadb") ? TestDatabases.mariadb() : TestDatabases.postgres();
        JdbiActivityStore store = JdbiActivityStore.builder(db.url(), db.user(), db.password())
                .createSchema(true)
                .build();
        return new TestDb(db.url(), db.user(), db.password(), store, db::close);
    }

    @Override
    public void close() {
        store.close();
        drop.run();
    }
}
