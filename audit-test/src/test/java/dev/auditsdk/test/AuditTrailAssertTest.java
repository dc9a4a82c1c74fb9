// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Status;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each assertion passes on a matching trail and fails, showing the recorded table, on one that does not. */
class AuditTrailAssertTest {
    /** The header of the table of recorded records every failure message shows. */
    private static final String TABLE_HEADER = "# | action | status  | actor | target  | client ip   | remarks";

    private AuditTrail trail;

    @BeforeEach
    void recordThree() {
        trail = AuditTrail.create();
        trail.recorder()
                .record(
                        ActionType.UPDATE,
                        b -> b.actor("alice")
                                .target("Post", 42)
                                .clientIp("203.0.113.7")
                                .remarks("changed title")
                                .data(Map.of("field", "title", "count", 3, "password", "hunter2")));
        trail.recorder()
                .record(ActionType.DELETE, b -> b.actor("bob").target("Post", 7).failed(true));
        trail.recorder().record(ActivityLogs.login());
    }

    @AfterEach
    void close() {
        trail.close();
    }

    @Nested
    class HasRecorded {
        @Test
        void passesOnAMatchingRecord() {
            assertThat(trail)
                    .hasRecorded(ActionType.UPDATE)
                    .by("alice")
                    .on("Post", "42")
                    .withStatus(Status.SUCCESS)
                    .withRemarksContaining("title")
                    .withData("field", "title")
                    .withData("count", 3L)
                    .withData("password", "[REDACTED]")
                    .fromIp("203.0.113.7")
                    .times(1);
            assertThat(trail)
                    .hasRecorded(ActionType.DELETE)
                    .by("bob")
                    .on("Post", 7)
                    .withStatus(Status.FAILED);
        }

        @Test
        void failsOnAnUnrecordedActionShowingTheTrail() {
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(ActionType.CREATE))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to have recorded%n  action=Create%n".formatted())
                    .hasMessageContaining("none of its 3 records matches (action=Create: 0)")
                    .hasMessageContaining(TABLE_HEADER)
                    .hasMessageContaining("1 | Update | Success | alice | Post#42 | 203.0.113.7 | changed title")
                    .hasMessageContaining("2 | Delete | Failed  | bob   | Post#7")
                    .hasMessageContaining("3 | Login  | Success | alice | -");
        }

        @Test
        void failsNamingTheCriterionThatLeftNoRecord() {
            assertThatThrownBy(() ->
                            assertThat(trail).hasRecorded(ActionType.UPDATE).by("bob"))
                    .hasMessageContaining("action=Update, actor=bob")
                    .hasMessageContaining("(action=Update: 1, then actor=bob: 0)")
                    .hasMessageContaining(TABLE_HEADER);
        }

        @Test
        void eachNarrowingStepFailsWithTheTrail() {
            var update = ActionType.UPDATE;
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(update).on("Post", 7))
                    .hasMessageContaining("target=Post#7: 0")
                    .hasMessageContaining(TABLE_HEADER);
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(update).withStatus(Status.FAILED))
                    .hasMessageContaining("status=Failed: 0")
                    .hasMessageContaining(TABLE_HEADER);
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(update).withRemarksContaining("deleted"))
                    .hasMessageContaining("remarks containing \"deleted\": 0")
                    .hasMessageContaining(TABLE_HEADER);
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(update).withData("field", "body"))
                    .hasMessageContaining("data.field=body: 0")
                    .hasMessageContaining(TABLE_HEADER);
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(update).withData("password", "hunter2"))
                    .as("the secret never reaches the record")
                    .hasMessageContaining("data.password=hunter2: 0")
                    .hasMessageContaining("password=[REDACTED]");
            assertThatThrownBy(() -> assertThat(trail).hasRecorded(update).fromIp("198.51.100.1"))
                    .hasMessageContaining("client ip=198.51.100.1: 0")
                    .hasMessageContaining(TABLE_HEADER);
        }

        @Test
        void timesFailsOnAnotherCount() {
            assertThatThrownBy(() ->
                            assertThat(trail).hasRecorded(ActionType.UPDATE).times(2))
                    .hasMessageContaining("exactly 2 times%n  action=Update%nbut it did 1 times".formatted())
                    .hasMessageContaining(TABLE_HEADER);
        }

        @Test
        void keepsTheDescriptionGivenBeforehand() {
            assertThatThrownBy(() -> assertThat(trail).as("after publishing").hasRecorded(ActionType.CREATE))
                    .hasMessageContaining("[after publishing]");
        }
    }

    @Nested
    class Counts {
        @Test
        void hasRecordedExactlyPassesAndFails() {
            assertThat(trail).hasRecordedExactly(3);
            assertThatThrownBy(() -> assertThat(trail).hasRecordedExactly(2))
                    .hasMessageContaining("to hold exactly 2 records, but it holds 3")
                    .hasMessageContaining(TABLE_HEADER);
        }

        @Test
        void hasRecordedNothingPassesOnlyOnAnEmptyTrail() {
            assertThatThrownBy(() -> assertThat(trail).hasRecordedNothing())
                    .hasMessageContaining("to have recorded nothing, but it holds 3 records")
                    .hasMessageContaining("1 | Update");
            trail.clear();
            assertThat(trail).hasRecordedNothing().hasRecordedExactly(0);
        }

        @Test
        void aLongTrailIsCutInTheMessage() {
            IntStream.range(0, 40).forEach(i -> trail.recorder().record(ActionType.READ, b -> b.actor("r" + i)));
            assertThatThrownBy(() -> assertThat(trail).hasRecordedNothing())
                    .hasMessageContaining("30 | Read")
                    .hasMessageNotContaining("31 | Read")
                    .hasMessageContaining("... and 13 more");
        }
    }

    @Nested
    class DoesNotHaveRecorded {
        @Test
        void passesWhenNoRecordHasTheAction() {
            assertThat(trail).doesNotHaveRecorded(ActionType.CREATE).doesNotHaveRecorded(ActionType.LOGIN_FAILED);
        }

        @Test
        void failsNamingTheOffendingRecords() {
            assertThatThrownBy(() -> assertThat(trail).doesNotHaveRecorded(ActionType.DELETE))
                    .hasMessageContaining(
                            "not to have recorded%n  action=Delete%nbut 1 of its 3 records did".formatted())
                    .hasMessageContaining("1 | Delete | Failed | bob")
                    .hasMessageContaining(TABLE_HEADER);
        }

        @Test
        void takesACondition() {
            Condition<ActivityLog> anonymous = new Condition<>(l -> l.actor().isEmpty(), "an anonymous record");
            assertThat(trail).doesNotHaveRecorded(anonymous);

            trail.recorder().record(ActionType.READ, b -> b.remarks("who?"));
            assertThatThrownBy(() -> assertThat(trail).doesNotHaveRecorded(anonymous))
                    .hasMessageContaining("an anonymous record")
                    .hasMessageContaining("| Read   | Success | -");
        }
    }

    @Test
    void rejectsBadArgumentsClearly() {
        assertThatThrownBy(() -> assertThat(trail).hasRecordedExactly(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> assertThat(trail).hasRecorded(ActionType.UPDATE).times(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doesNotHaveRecorded");
    }
}
