// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.test.ActivityStoreContractTest;

/** The shared store contract on a private in-memory H2 database. */
class H2MemoryContractTest extends ActivityStoreContractTest {
    @Override
    protected ActivityStore newStore() {
        return JdbiActivityStore.h2InMemory();
    }
}
