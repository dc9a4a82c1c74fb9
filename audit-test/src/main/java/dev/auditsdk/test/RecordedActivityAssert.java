// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Narrows {@link AuditTrailAssert#hasRecorded(ActionType)}: every step adds a criterion and asserts
 * that at least one record meets all criteria so far. A failure names the criterion that left no
 * record, and shows the trail.
 *
 * @since 0.1
 */
public final class RecordedActivityAssert extends AbstractAssert<RecordedActivityAssert, List<ActivityLog>> {
    private final List<Criterion> criteria = new ArrayList<>();

    RecordedActivityAssert(List<ActivityLog> records, ActionType action, AuditTrailAssert parent) {
        super(records, RecordedActivityAssert.class);
        if (parent.info.hasDescription()) { // as("...") given before hasRecorded(...)
            info.description(parent.info.description());
        }
        require("action=" + action, l -> l.action().equals(action));
    }

    /**
     * ...by this actor (the principal's id).
     *
     * @throws AssertionError if no record so far has this actor
     */
    public RecordedActivityAssert by(String actor) {
        Objects.requireNonNull(actor, "actor");
        return require("actor=" + actor, l -> l.actor().filter(actor::equals).isPresent());
    }

    /**
     * ...on this target; {@code id} is compared as text, like {@link Target#of}.
     *
     * @throws AssertionError if no record so far has this target
     */
    public RecordedActivityAssert on(String type, Object id) {
        Target target = Target.of(type, id);
        return require(
                "target=" + target, l -> l.target().filter(target::equals).isPresent());
    }

    /**
     * ...with this status.
     *
     * @throws AssertionError if no record so far has this status
     */
    public RecordedActivityAssert withStatus(Status status) {
        Objects.requireNonNull(status, "status");
        return require("status=" + status.displayName(), l -> l.status() == status);
    }

    /**
     * ...whose remarks contain {@code text}.
     *
     * @throws AssertionError if no record so far has such remarks
     */
    public RecordedActivityAssert withRemarksContaining(String text) {
        Objects.requireNonNull(text, "text");
        return require(
                "remarks containing \"" + text + "\"",
                l -> l.remarks().filter(r -> r.contains(text)).isPresent());
    }

    /**
     * ...whose data holds {@code value} under the top-level {@code key}; numbers compare by value
     * ({@code 42} matches {@code 42L}), and a redacted value reads {@code "[REDACTED]"}.
     *
     * @throws AssertionError if no record so far holds it
     */
    public RecordedActivityAssert withData(String key, @Nullable Object value) {
        Objects.requireNonNull(key, "key");
        return require(
                "data." + key + "=" + value,
                l -> l.data().containsKey(key) && sameValue(l.data().get(key), value));
    }

    /**
     * ...made from this client IP.
     *
     * @throws AssertionError if no record so far has it
     */
    public RecordedActivityAssert fromIp(String clientIp) {
        Objects.requireNonNull(clientIp, "clientIp");
        return require(
                "client ip=" + clientIp,
                l -> l.clientIp().filter(clientIp::equals).isPresent());
    }

    /**
     * Asserts that exactly {@code count} records meet the criteria so far.
     *
     * @throws IllegalArgumentException if {@code count} is less than 1 (use {@code doesNotHaveRecorded})
     * @throws AssertionError otherwise
     */
    public RecordedActivityAssert times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(
                    "count must be at least 1 (for none use doesNotHaveRecorded), got " + count);
        }
        long matching = actual.stream().filter(this::matchesAll).count();
        if (matching != count) {
            failWithMessage(
                    "%nExpecting the audit trail to have recorded exactly %d times%n  %s%nbut it did %d times.%nRecorded:%n%s",
                    count, describe(), matching, RecordTable.render(actual));
        }
        return myself;
    }

    private RecordedActivityAssert require(String description, Predicate<ActivityLog> test) {
        criteria.add(new Criterion(description, test));
        if (actual.stream().noneMatch(this::matchesAll)) {
            failWithMessage(
                    "%nExpecting the audit trail to have recorded%n  %s%nbut none of its %d records matches (%s).%nRecorded:%n%s",
                    describe(), actual.size(), narrowing(), RecordTable.render(actual));
        }
        return myself;
    }

    private boolean matchesAll(ActivityLog log) {
        return criteria.stream().allMatch(c -> c.test().test(log));
    }

    private String describe() {
        return criteria.stream().map(Criterion::description).collect(Collectors.joining(", "));
    }

    /** How many records survive each criterion in turn, e.g. "action=Update: 2, then actor=bob: 0". */
    private String narrowing() {
        List<ActivityLog> left = actual;
        List<String> steps = new ArrayList<>();
        for (Criterion c : criteria) {
            left = left.stream().filter(c.test()).toList();
            steps.add(c.description() + ": " + left.size());
        }
        return String.join(", then ", steps);
    }

    private static boolean sameValue(@Nullable Object actual, @Nullable Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(e.toString())) == 0;
            } catch (NumberFormatException notFinite) { // NaN, Infinity
                return a.toString().equals(e.toString());
            }
        }
        return Objects.equals(actual, expected);
    }

    private record Criterion(String description, Predicate<ActivityLog> test) {}
}
