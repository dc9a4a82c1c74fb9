// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.test.ActivityStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared store contract on the embedded default: an H2 file. */
class H2FileContractTest extends ActivityStoreContractTest {
    @TempDir
    Path dir;

    private int n;

    @Override
    protected ActivityStore newStore() {
        return JdbiActivityStore.h2File(dir.resolve("audit" + n++));
    }
}
