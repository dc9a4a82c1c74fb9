// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import org.junit.jupiter.api.Test;

class HashChainSealTest {
    @Test
    void aSealedChainRefusesNewRecordsButKeepsChainedOnes() {
        HashChain chain = HashChain.start("c-1");
        ActivityLog first =
                chain.link(ActivityLog.builder(ActionType.READ).actor("alice").build());
        ActivityLog.Integrity head = chain.seal();

        assertThat(head.seq()).isEqualTo(1);
        assertThat(head.hash()).isEqualTo(first.integrity().orElseThrow().hash());
        // Replayed records already carry their position: they pass unchanged.
        assertThat(chain.link(first)).isSameAs(first);
        assertThatThrownBy(() -> chain.link(ActivityLog.builder(ActionType.READ).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(chain.head().seq()).isEqualTo(1);
    }
}
