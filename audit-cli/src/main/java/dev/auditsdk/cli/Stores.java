// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.jdbi.JdbiActivityStore;

/** The store a command reads or purges through: the user's table as it is, never created or altered. */
final class Stores {
    private Stores() {}

    static JdbiActivityStore open(Database db) {
        return JdbiActivityStore.builder(db)
                .tableName(db.table())
                .createSchema(false)
                .build();
    }
}
