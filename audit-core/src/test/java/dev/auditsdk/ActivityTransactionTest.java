// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.spi.TransactionBinding;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ActivityTransaction}: held until commit, discarded (and counted) otherwise, never lost. */
class ActivityTransactionTest {

    /**
     * The smallest framework there is: a transaction per thread that the test begins and completes.
     * Core knows no framework, so this stands in for Spring's and Jdbi's bindings (tested in theirs).
     */
    private static final class ThreadTransactions implements TransactionBinding {
        private final ThreadLocal<@Nullable Boolean> active = new ThreadLocal<>();
        private final ThreadLocal<@Nullable ActivityTransaction> unit = new ThreadLocal<>();

        void begin() {
            active.set(Boolean.TRUE);
        }

        void end(boolean commit) {
            ActivityTransaction tx = unit.get();
            active.remove();
            unit.remove();
            if (tx != null) {
                if (commit) {
                    tx.commit();
                } else {
                    tx.discard();
                }
            }
        }

        @Override
        public @Nullable ActivityTransaction current(Supplier<ActivityTransaction> opener) {
            if (active.get() == null) {
                return null;
            }
            ActivityTransaction tx = unit.get();
            if (tx == null) {
                tx = opener.get();
                unit.set(tx);
            }
            return tx;
        }
    }

    private static ActivityLog app(String target) {
        return ActivityLog.builder(ActionType.UPDATE)
                .actor("alice")
                .target("Post", target)
                .build();
    }

    private static ActivityRecorder recorder(InMemoryActivityStore store, RecorderMode mode) {
        return ActivityRecorder.builder().store(store).mode(mode).build();
    }

    @ParameterizedTest
    @EnumSource(
            value = RecorderMode.class,
            names = {"ASYNC", "SYNC"})
    void heldUntilCommitThenRecordedTogether(RecorderMode mode) {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = recorder(store, mode)) {
            try (ActivityTransaction tx = recorder.beginTransaction()) {
                tx.record(app("1"));
                tx.record(ActionType.DELETE, b -> b.actor("alice").target("Post", "2"));
                assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(store.size()).isZero();
                assertThat(recorder.stats().held()).isEqualTo(2);
                assertThat(tx.pending())
                        .extracting(l -> l.target().orElseThrow().id())
                        .containsExactly("1", "2");
                tx.commit();
                assertThat(tx.pending()).isEmpty();
            }
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.all())
                    .extracting(l -> l.target().orElseThrow().id())
                    .containsExactlyInAnyOrder("1", "2");
            assertThat(recorder.stats().held()).isZero();
            assertThat(recorder.stats().discarded()).isZero();
            assertThat(recorder.stats().written()).isEqualTo(2);
        }
    }

    @Test
    void closingUncommittedDiscardsAndCounts() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = recorder(store, RecorderMode.ASYNC)) {
            try (ActivityTransaction tx = recorder.beginTransaction()) {
                tx.record(app("1"));
                tx.record(app("2"));
            }
            ActivityTransaction explicit = recorder.beginTransaction();
            explicit.record(app("3"));
            explicit.discard();
            explicit.discard();
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.size()).isZero();
            RecorderStats stats = recorder.stats();
            assertThat(stats.discarded()).isEqualTo(3);
            assertThat(stats.held()).isZero();
            assertThat(stats.enqueued()).isZero();
            assertThat(stats.lost()).isZero();
            assertThat(stats.toString()).contains("discarded=3");
        }
    }

    @Test
    void completedUnitsRefuseRecordsAndDiscardedOnesRefuseCommit() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = recorder(store, RecorderMode.SYNC)) {
            ActivityTransaction committed = recorder.beginTransaction();
            committed.commit();
            committed.commit();
            assertThat(committed.isCompleted()).isTrue();
            assertThatThrownBy(() -> committed.record(app("late")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("committed");
            ActivityTransaction discarded = recorder.beginTransaction();
            discarded.discard();
            assertThatThrownBy(discarded::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("discarded");
            assertThatThrownBy(() -> discarded.record(app("late"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> committed.record((ActivityLog) null)).isInstanceOf(NullPointerException.class);
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void commitToHandsTheRecordsToTheWriterNotTheRecorder() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = recorder(store, RecorderMode.SYNC)) {
            ActivityTransaction failing = recorder.beginTransaction();
            failing.record(app("1"));
            // A writer that fails leaves the unit open, so the rollback that follows discards it.
            assertThatThrownBy(() -> failing.commitTo(logs -> {
                        throw new IllegalStateException("outbox insert failed");
                    }))
                    .hasMessage("outbox insert failed");
            assertThat(failing.isCompleted()).isFalse();
            failing.discard();

            ActivityTransaction tx = recorder.beginTransaction();
            try (ActivityContext.Scope scope = ActivityContext.open("req-7", null, "198.51.100.7")) {
                tx.record(app("2"));
            }
            tx.record(app("3"));
            List<List<ActivityLog>> written = new java.util.ArrayList<>();
            tx.commitTo(written::add);
            tx.commitTo(written::add);
            assertThat(written).singleElement().satisfies(logs -> {
                assertThat(logs).extracting(l -> l.target().orElseThrow().id()).containsExactly("2", "3");
                assertThat(logs.get(0).requestId()).hasValue("req-7");
                assertThat(logs).allSatisfy(l -> assertThat(l.integrity()).isEmpty());
            });
            assertThat(tx.isCompleted()).isTrue();
            assertThatThrownBy(() -> failing.commitTo(written::add)).hasMessageContaining("discarded");
            assertThat(store.size()).isZero();
            RecorderStats stats = recorder.stats();
            assertThat(stats.held()).isZero();
            assertThat(stats.discarded()).isEqualTo(1);
            assertThat(stats.enqueued()).isZero();
        }
    }

    @Test
    void recordsInheritTheContextOfTheThreadThatMadeThem() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = recorder(store, RecorderMode.SYNC)) {
            ActivityTransaction tx = recorder.beginTransaction();
            try (ActivityContext.Scope scope = ActivityContext.open("req-9", null, "198.51.100.9")) {
                tx.record(app("1"));
            }
            tx.commit();
            assertThat(store.all())
                    .singleElement()
                    .satisfies(l -> assertThat(l.requestId()).hasValue("req-9"));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = RecorderMode.class,
            names = {"ASYNC", "SYNC"})
    void boundRecorderHoldsAppRecordsOnlyWhileTheFrameworkTransactionIsActive(RecorderMode mode) {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        ThreadTransactions frames = new ThreadTransactions();
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .mode(mode)
                .transactions(frames)
                .build()) {
            recorder.record(app("no-tx"));

            frames.begin();
            recorder.record(app("rolled-back"));
            recorder.recordAll(List.of(app("rolled-back-too")));
            frames.end(false);

            frames.begin();
            recorder.record(app("committed"));
            recorder.record(ActionType.CREATE, b -> b.actor("alice").target("Post", "committed-too"));
            // HTTP and login records describe what happened whether or not business work committed.
            recorder.record(ActivityLog.builder(ActionType.LOGIN_FAILED)
                    .actor("mallory")
                    .source(Source.AUTH)
                    .target("User", "auth-at-once")
                    .build());
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.all())
                    .extracting(l -> l.target().orElseThrow().id())
                    .containsExactlyInAnyOrder("no-tx", "auth-at-once");
            frames.end(true);

            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.all())
                    .extracting(l -> l.target().orElseThrow().id())
                    .containsExactlyInAnyOrder("no-tx", "auth-at-once", "committed", "committed-too");
            assertThat(recorder.stats().discarded()).isEqualTo(2);
            assertThat(recorder.stats().written()).isEqualTo(4);
        }
    }

    @Test
    void aBrokenBindingRecordsAtOnceInsteadOfLosing() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        TransactionBinding broken = opener -> {
            throw new IllegalStateException("framework not ready");
        };
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .mode(RecorderMode.SYNC)
                .transactions(broken)
                .build()) {
            recorder.record(app("1"));
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void aUnitAlreadyCompletedByItsFrameworkIsPassedBy() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        ActivityTransaction[] unit = new ActivityTransaction[1];
        TransactionBinding afterCommit = opener -> {
            if (unit[0] == null) {
                unit[0] = opener.get();
                unit[0].commit();
            }
            return unit[0];
        };
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .mode(RecorderMode.SYNC)
                .transactions(afterCommit)
                .build()) {
            recorder.record(app("in-after-commit-callback"));
            assertThat(store.size()).isEqualTo(1);
        }
    }
}
