// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.spi.ActivityStore;

class InMemoryActivityStoreContractTest extends ActivityStoreContractTest {
    @Override
    protected ActivityStore newStore() {
        return InMemoryActivityStore.create();
    }
}
