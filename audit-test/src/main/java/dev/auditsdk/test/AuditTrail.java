// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.spi.TransactionBinding;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.assertj.core.api.AssertProvider;
import org.jspecify.annotations.Nullable;

/**
 * What an application recorded during a test: a real {@link ActivityRecorder} in
 * {@link RecorderMode#SYNC} mode over an {@link InMemoryActivityStore}, so a record is visible as
 * soon as {@code record(...)} returns and has been sanitized, redacted and chained exactly as in
 * production. Hand {@link #recorder()} to the code under test, then assert:
 *
 * <pre>{@code
 * assertThat(trail).hasRecorded(ActionType.UPDATE).by("alice").on("Post", "42").withStatus(Status.SUCCESS);
 * }</pre>
 *
 * Thread-safe. {@link AuditTrailExtension} gives each JUnit test a fresh one; under Spring Boot,
 * {@link dev.auditsdk.test.spring.AutoConfigureAuditTrail} makes it the application's recorder.
 *
 * @since 0.1
 */
public final class AuditTrail implements AssertProvider<AuditTrailAssert>, AutoCloseable {
    private final InMemoryActivityStore store = InMemoryActivityStore.create();
    private final ActivityRecorder recorder;
    private final Sanitizer sanitizer;
    // Units the trail's binding opened, oldest first; completed ones are pruned as they are found.
    private final Queue<ActivityTransaction> units = new ConcurrentLinkedQueue<>();

    private AuditTrail(Builder b) {
        this.sanitizer = b.sanitizer;
        if (b.binding != null) {
            TransactionBinding binding = b.binding;
            b.recorder.transactions(opener -> binding.current(() -> {
                ActivityTransaction tx = opener.get();
                units.add(tx);
                return tx;
            }));
        }
        this.recorder = b.recorder.store(store).build();
    }

    /** A trail with the recorder's defaults: system UTC clock, {@link Sanitizer#defaults()}. */
    public static AuditTrail create() {
        return builder().build();
    }

    /** Starts configuring a trail (clock, sanitizer). */
    public static Builder builder() {
        return new Builder();
    }

    /** The recorder to give the code under test; records synchronously into this trail. */
    public ActivityRecorder recorder() {
        return recorder;
    }

    /** The store behind the trail, for queries ({@code store().find(...)}) beyond the assertions. */
    public InMemoryActivityStore store() {
        return store;
    }

    /** Every record, oldest first (by time, then id), as recorded: sanitized and chained. */
    public List<ActivityLog> records() {
        List<ActivityLog> all = new ArrayList<>(store.all());
        Collections.reverse(all);
        return List.copyOf(all);
    }

    /**
     * Records held now in open transactions of the binding given to {@link Builder#transactions},
     * sanitized as the recorder will sanitize them, in the order the transactions began; not yet in
     * {@link #records()}. A test that runs inside a transaction rolled back at its end sees here
     * what the code under test would have recorded; see {@link AuditTrailAssert#assertThatWouldRecord}.
     *
     * @since 0.2
     */
    public List<ActivityLog> pending() {
        units.removeIf(ActivityTransaction::isCompleted);
        List<ActivityLog> held = new ArrayList<>();
        for (ActivityTransaction tx : units) {
            for (ActivityLog log : tx.pending()) {
                held.add(sanitizer.sanitize(log));
            }
        }
        return List.copyOf(held);
    }

    /** Forgets every record; records made while it runs may survive. */
    public void clear() {
        store.purgeBefore(Instant.MAX);
    }

    /** AssertJ's entry point: {@code Assertions.assertThat(trail)} returns this. */
    @Override
    public AuditTrailAssert assertThat() {
        return AuditTrailAssert.assertThat(this);
    }

    /** Closes the recorder: later {@code record(...)} calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        recorder.close();
    }

    @Override
    public String toString() {
        return "AuditTrail{" + store.size() + " records}";
    }

    /** Configures an {@link AuditTrail}. */
    public static final class Builder {
        // Only the settings that change what a test sees are offered: mode and sink stay the trail's.
        private final ActivityRecorder.Builder recorder =
                ActivityRecorder.builder().mode(RecorderMode.SYNC);
        private Sanitizer sanitizer = Sanitizer.defaults();
        private @Nullable TransactionBinding binding;

        private Builder() {}

        /**
         * The clock of records made with the one-line {@code record(action, details)} form.
         *
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            recorder.clock(clock);
            return this;
        }

        /**
         * The limits and redaction applied to every record: use the application's own.
         *
         * @throws NullPointerException if {@code sanitizer} is null
         */
        public Builder sanitizer(Sanitizer sanitizer) {
            recorder.sanitizer(sanitizer);
            this.sanitizer = sanitizer;
            return this;
        }

        /**
         * Holds records made inside the application's transactions until they commit, as the
         * application's recorder does (for Spring, the adapter's {@code SpringTransactionBinding});
         * {@link AuditTrail#pending()} shows what they hold. Default: every record at once.
         *
         * @throws NullPointerException if {@code binding} is null
         * @since 0.2
         */
        public Builder transactions(TransactionBinding binding) {
            this.binding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        /** A new, empty trail. */
        public AuditTrail build() {
            return new AuditTrail(this);
        }
    }
}
