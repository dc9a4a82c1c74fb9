// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.manual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderStats;
import dev.auditsdk.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualExampleTest {
    @Test
    void recordsTheWorkflowAndPrintsItsTrail() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RecorderStats stats = ManualExample.run(store, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(stats.written()).isEqualTo(6);
        assertThat(stats.lost()).isZero();
        List<ActivityLog> all = store.find(ActivityQuery.latest()).items();
        assertThat(all)
                .extracting(l -> l.action().name())
                .containsExactlyInAnyOrder("Create", "Create", "Approve", "Approve", "Reject", "Pay");
        assertThat(all)
                .filteredOn(l -> l.status() == Status.FAILED)
                .singleElement()
                .satisfies(l -> assertThat(l.remarks())
                        .hasValueSatisfying(r -> assertThat(r).contains("may approve up to")));
        assertThat(all)
                .filteredOn(l -> l.action().name().equals("Pay"))
                .singleElement()
                .satisfies(l -> assertThat(l.data()).containsEntry("bankToken", "[REDACTED]"));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Only invoice INV-1002:", "Invoice#INV-1002", "marco", "Approve")
                .doesNotContain("tok_live_123");
    }
}
