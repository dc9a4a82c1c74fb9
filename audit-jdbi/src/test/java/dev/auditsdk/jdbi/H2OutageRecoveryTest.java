// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.test.TestDatabases.SwitchableDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outage scenario of {@link OutageRecoveryIT} on an embedded H2 file. */
class H2OutageRecoveryTest {
    @Test
    void h2FileOutageLosesNothing(@TempDir Path dir) {
        var ds = new SwitchableDataSource("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath(), "sa", "");
        OutageRecoveryIT.survivesOutage(ds, JdbiActivityStore.builder(ds).build());
    }
}
