// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ChangeOptions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Records the committed inserts, updates and deletes of {@link AuditedEntity} entities, one record
 * per entity per transaction (several flushes merge: the value before the transaction against the
 * value at commit), with its changes under {@code data.changes} (see {@link
 * dev.auditsdk.ActivityLog.Builder#changes}) and the transaction's id under {@code
 * data.transactionId}. The target is the entity name and id; the request id, trace id and client IP
 * come from the open {@link dev.auditsdk.ActivityContext} of the committing thread, the actor from
 * {@link Builder#actor}. Associations are recorded as ids and collections as lists of ids; a lazy
 * collection that was never loaded reads {@code "[not loaded]"} and is not loaded.
 *
 * <p>Give it to Hibernate as the setting {@link #PROPERTY}; the integrator this module registers
 * (through {@code META-INF/services}) picks it up:
 *
 * <pre>{@code
 * settings.put(AuditEntities.PROPERTY, AuditEntities.builder(recorder).build());
 * }</pre>
 *
 * <p>Not recorded (nothing Hibernate tells a listener about): bulk HQL/criteria updates and deletes,
 * and native SQL. With the statement inspector {@link #applyTo} installs, each logs one WARN per
 * entity the first time it writes an audited table. A {@code StatelessSession}'s writes are
 * recorded, but Hibernate gives no old values for its updates: they are recorded with {@code
 * data.oldValuesUnknown} (and a WARN once per entity).
 *
 * @since 0.2
 */
public final class AuditEntities {
    /** The Hibernate setting that carries an {@code AuditEntities} instance. */
    public static final String PROPERTY = "audit.entities";

    private final ActivityRecorder recorder;
    private final Supplier<@Nullable String> actor;
    private final ChangeOptions options;
    private final AtomicLong failed = new AtomicLong();

    private AuditEntities(Builder b) {
        this.recorder = b.recorder;
        this.actor = b.actor;
        this.options = b.options;
    }

    /** Starts configuring entity change records written to {@code recorder}. */
    public static Builder builder(ActivityRecorder recorder) {
        return new Builder(recorder);
    }

    /** The Hibernate setting naming the statement inspector (Hibernate's {@code STATEMENT_INSPECTOR}). */
    public static final String STATEMENT_INSPECTOR = "hibernate.session_factory.statement_inspector";

    /**
     * Puts this instance into Hibernate settings under {@link #PROPERTY} and, when no statement
     * inspector is configured, the one that warns about bulk and native writes to audited tables
     * (it changes no statement). Returns the settings.
     */
    public <M extends Map<String, Object>> M applyTo(M settings) {
        settings.put(PROPERTY, this);
        settings.putIfAbsent(STATEMENT_INSPECTOR, "dev.auditsdk.hibernate.internal.WriteWatcher");
        return settings;
    }

    public ActivityRecorder recorder() {
        return recorder;
    }

    /** The actor of the record, asked on the committing thread. */
    public @Nullable String actor() {
        try {
            return actor.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The base options; each entity adds its {@link AuditIgnore} and {@link AuditMask} properties. */
    public ChangeOptions options() {
        return options;
    }

    /** Entity changes that could not be handed to the recorder (each also logged). */
    public long failed() {
        return failed.get();
    }

    /** Counts one change that could not be handed to the recorder; for the listener. */
    public void countFailure() {
        failed.incrementAndGet();
    }

    /** Configures {@link AuditEntities}. */
    public static final class Builder {
        private final ActivityRecorder recorder;
        private Supplier<@Nullable String> actor = () -> null;
        private ChangeOptions options = ChangeOptions.defaults();

        private Builder(ActivityRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
        }

        /** Who made the change, asked on the committing thread (e.g. from the security context); none by default. */
        public Builder actor(Supplier<@Nullable String> actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /** Base comparison options (ignored and masked paths, bounds, fingerprint key, the recorder's sanitizer). */
        public Builder options(ChangeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public AuditEntities build() {
            return new AuditEntities(this);
        }
    }
}
