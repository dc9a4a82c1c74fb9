// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.integrity.ActivityRetention;
import dev.auditsdk.integrity.RetentionPolicy;
import dev.auditsdk.spi.ActivityStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes records older than {@code audit.retention} (records of a tenant listed in
 * {@code audit.tenants.retention}: older than that tenant's period) every
 * {@code audit.retention-interval} on one daemon thread of its own, through core's
 * {@link ActivityRetention#purge}: a chained purge marker is recorded (and written) before each
 * purge, so the verifier counts the deleted ranges as retention, not tampering. The store deletes in small batches, so no long lock is held. Does nothing when no
 * retention is set or the sink cannot purge.
 *
 * @since 0.1
 */
public final class AuditRetention implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    /** How long a purge waits for its marker to be written before it gives up (and deletes nothing). */
    private static final Duration MARKER_TIMEOUT = Duration.ofSeconds(30);

    private final ActivityRecorder recorder;
    private final @Nullable ActivityStore store;
    private final RetentionPolicy policy;
    private final Duration interval;
    private final Clock clock;
    private @Nullable ScheduledExecutorService executor;

    AuditRetention(
            ActivityRecorder recorder, @Nullable ActivityStore store, RetentionPolicy policy, Duration interval) {
        this(recorder, store, policy, interval, Clock.systemUTC());
    }

    AuditRetention(
            ActivityRecorder recorder,
            @Nullable ActivityStore store,
            RetentionPolicy policy,
            Duration interval,
            Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("audit.retention-interval must be positive, got " + interval);
        }
        this.recorder = recorder;
        this.store = store;
        this.policy = policy;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Deletes the records older than the retention now.
     *
     * @return how many were deleted; 0 when retention is off
     * @throws IllegalStateException when the purge marker could not be written in time (nothing was deleted)
     */
    public long purgeNow() {
        if (store == null || policy.isEmpty()) {
            return 0;
        }
        long deleted = ActivityRetention.purge(recorder, store, policy, clock.instant(), MARKER_TIMEOUT);
        if (deleted > 0) {
            LOG.info("Audit retention deleted {} records ({})", deleted, policy);
        }
        return deleted;
    }

    /** Whether a purge is scheduled (a retention is set and the sink is a store). */
    public boolean isActive() {
        return store != null && !policy.isEmpty();
    }

    @Override
    public synchronized void start() {
        if (!isActive() || executor != null) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-retention");
            t.setDaemon(true);
            return t;
        });
        // The first run waits a minute so it never competes with application startup.
        long first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        // The future would only report what runSafely already logs; shutting the executor down ends the task.
        var unused = e.scheduleWithFixedDelay(this::runSafely, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = e;
    }

    private void runSafely() {
        try {
            purgeNow();
        } catch (RuntimeException ex) {
            LOG.warn("Audit retention purge failed; it runs again in {}", interval, ex);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
