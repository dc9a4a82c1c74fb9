// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.txit;

import dev.auditsdk.test.TestDatabases;
import dev.auditsdk.test.TestDatabases.TestDatabase;
import org.jspecify.annotations.Nullable;

/** {@link TransactionalOutbox} on the local PostgreSQL server, in a private schema. */
class TransactionalOutboxPostgresIT extends TransactionalOutbox {
    private @Nullable TestDatabase db;

    @Override
    String[] database() {
        db = TestDatabases.postgres();
        return new String[] {db.url(), db.user(), db.password()};
    }

    @Override
    void afterStop() {
        if (db != null) {
            db.close();
        }
    }
}
