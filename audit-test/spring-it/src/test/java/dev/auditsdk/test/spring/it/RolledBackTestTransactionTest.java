// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring.it;

import static dev.auditsdk.test.AuditTrailAssert.assertThatWouldRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.test.AuditTrail;
import dev.auditsdk.test.spring.AutoConfigureAuditTrail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.context.transaction.BeforeTransaction;
import org.springframework.transaction.annotation.Transactional;

/**
 * A {@code @Transactional} test runs in a transaction Spring rolls back at its end, so with
 * {@code audit.transactions=after-commit} nothing it records reaches the trail: the trail holds
 * records like the application's recorder would and shows them as pending.
 */
@SpringBootTest(classes = BlogApplication.class)
@AutoConfigureAuditTrail
@Transactional
class RolledBackTestTransactionTest {
    @Autowired
    AuditTrail trail;

    @Autowired
    ActivityRecorder recorder;

    private long discardedBefore;

    @BeforeTransaction
    void countDiscardsSoFar() {
        discardedBefore = trail.recorder().stats().discarded();
    }

    @Test
    void whatTheRolledBackTransactionWouldRecordIsPending() {
        recorder.record(
                ActionType.UPDATE,
                b -> b.actor("alice").target("Post", 42).data(Map.of("title", "new", "password", "hunter2")));

        assertThat(trail).hasRecordedNothing();
        assertThat(trail.pending())
                .singleElement()
                .satisfies(log -> assertThat(log.data().toString()).doesNotContain("hunter2"));
        assertThatWouldRecord(trail)
                .hasRecorded(ActionType.UPDATE)
                .by("alice")
                .on("Post", 42)
                .withData("title", "new")
                .times(1);
    }

    @AfterTransaction
    void theRollbackDiscardedIt() {
        assertThat(trail).hasRecordedNothing();
        assertThat(trail.pending()).isEmpty();
        assertThat(trail.recorder().stats().discarded()).isEqualTo(discardedBefore + 1);
    }
}
