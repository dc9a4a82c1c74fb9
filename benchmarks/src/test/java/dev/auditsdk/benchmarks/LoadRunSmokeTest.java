// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The load harness end to end on H2, a few seconds per configuration: the example app starts in a
 * child JVM, users sign in, no request fails and the trail holds one row per request. No timing is
 * asserted (timings belong in the reported run, not in a test).
 */
class LoadRunSmokeTest {
    @Test
    void smokeRunOnH2IsClean() throws Exception {
        assertThat(LoadRun.run(new String[] {"--smoke", "--connections", "4"})).isTrue();
    }
}
