// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Condition;

/**
 * AssertJ assertions on an {@link AuditTrail}. Every failure message shows what the trail did
 * record, as a table. Reached through {@code Assertions.assertThat(trail)} (the trail is an
 * {@link org.assertj.core.api.AssertProvider}) or {@link #assertThat(AuditTrail)}.
 *
 * <p>The assertions look at the records present when the assertion was made; a record made later
 * (e.g. by a server thread after the response was sent) needs Awaitility's {@code untilAsserted}.
 *
 * @since 0.1
 */
public final class AuditTrailAssert extends AbstractAssert<AuditTrailAssert, AuditTrail> {
    private final List<ActivityLog> records;

    private AuditTrailAssert(AuditTrail trail, List<ActivityLog> records) {
        super(trail, AuditTrailAssert.class);
        this.records = records;
    }

    /**
     * Starts assertions on what {@code trail} holds now.
     *
     * @throws NullPointerException if {@code trail} is null
     */
    public static AuditTrailAssert assertThat(AuditTrail trail) {
        return new AuditTrailAssert(Objects.requireNonNull(trail, "trail"), trail.records());
    }

    /**
     * Starts assertions on what {@code trail} holds now plus what open transactions hold for it:
     * what would have been recorded had they committed. For tests that run inside a transaction
     * rolled back at their end (Spring's default for {@code @Transactional} tests).
     *
     * @throws NullPointerException if {@code trail} is null
     * @since 0.2
     */
    public static AuditTrailAssert assertThatWouldRecord(AuditTrail trail) {
        Objects.requireNonNull(trail, "trail");
        List<ActivityLog> all = new java.util.ArrayList<>(trail.records());
        all.addAll(trail.pending());
        return new AuditTrailAssert(trail, List.copyOf(all));
    }

    /**
     * Asserts that at least one record has {@code action}; the returned assertion narrows further
     * ({@code by}, {@code on}, {@code withStatus}, ...), each step requiring a record matching all so far.
     *
     * @throws AssertionError if no record has {@code action}
     */
    public RecordedActivityAssert hasRecorded(ActionType action) {
        Objects.requireNonNull(action, "action");
        return new RecordedActivityAssert(records, action, myself);
    }

    /**
     * Asserts that no record has {@code action}.
     *
     * @throws AssertionError naming the offending records otherwise
     */
    public AuditTrailAssert doesNotHaveRecorded(ActionType action) {
        Objects.requireNonNull(action, "action");
        return doesNotHaveRecorded(new Condition<>(l -> l.action().equals(action), "action=%s", action));
    }

    /**
     * Asserts that no record meets {@code condition}, e.g.
     * {@code new Condition<>(l -> l.actor().isEmpty(), "anonymous")}.
     *
     * @throws AssertionError naming the offending records otherwise
     */
    public AuditTrailAssert doesNotHaveRecorded(Condition<? super ActivityLog> condition) {
        Objects.requireNonNull(condition, "condition");
        List<ActivityLog> offending =
                records.stream().filter(condition::matches).toList();
        if (!offending.isEmpty()) {
            failWithMessage(
                    "%nExpecting the audit trail not to have recorded%n  %s%nbut %d of its %d records did:%n%s"
                            + "%nRecorded:%n%s",
                    condition.description().value(),
                    offending.size(),
                    records.size(),
                    RecordTable.render(offending),
                    RecordTable.render(records));
        }
        return myself;
    }

    /**
     * Asserts that the trail holds no record.
     *
     * @throws AssertionError listing the records otherwise
     */
    public AuditTrailAssert hasRecordedNothing() {
        if (!records.isEmpty()) {
            failWithMessage(
                    "%nExpecting the audit trail to have recorded nothing, but it holds %d records:%n%s",
                    records.size(), RecordTable.render(records));
        }
        return myself;
    }

    /**
     * Asserts that the trail holds exactly {@code count} records.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     * @throws AssertionError listing the records otherwise
     */
    public AuditTrailAssert hasRecordedExactly(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (records.size() != count) {
            failWithMessage(
                    "%nExpecting the audit trail to hold exactly %d records, but it holds %d:%n%s",
                    count, records.size(), RecordTable.render(records));
        }
        return myself;
    }
}
