// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How long records are kept: a default period, and tenants with a period of their own (a contract
 * with a longer or shorter one). Applied by {@link ActivityRetention#purge}.
 *
 * @since 0.1
 */
public final class RetentionPolicy {
    private final @Nullable Duration defaultPeriod;
    private final Map<String, Duration> tenants;

    private RetentionPolicy(Builder b) {
        this.defaultPeriod = b.defaultPeriod;
        this.tenants = Collections.unmodifiableMap(new TreeMap<>(b.tenants));
    }

    /** Starts a policy; without a default period, only the tenants given their own are purged. */
    public static Builder builder() {
        return new Builder();
    }

    /** The period of every record whose tenant has none of its own (records without a tenant too). */
    public Optional<Duration> defaultPeriod() {
        return Optional.ofNullable(defaultPeriod);
    }

    /** The tenants with a period of their own, by name. */
    public Map<String, Duration> tenants() {
        return tenants;
    }

    /** Whether the policy deletes anything at all. */
    public boolean isEmpty() {
        return defaultPeriod == null && tenants.isEmpty();
    }

    @Override
    public String toString() {
        return "RetentionPolicy[default=" + defaultPeriod + ", tenants=" + tenants + "]";
    }

    /** Configures a {@link RetentionPolicy}. */
    public static final class Builder {
        private @Nullable Duration defaultPeriod;
        private final Map<String, Duration> tenants = new TreeMap<>();

        private Builder() {}

        /**
         * Keeps records this long unless their tenant has a period of its own; null: forever.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder defaultPeriod(@Nullable Duration period) {
            this.defaultPeriod = period == null ? null : positive("the default retention", period);
            return this;
        }

        /**
         * Keeps the records of {@code tenant} for {@code period}.
         *
         * @throws IllegalArgumentException if the tenant is blank or the period not positive
         */
        public Builder tenant(String tenant, Duration period) {
            Objects.requireNonNull(tenant, "tenant");
            if (tenant.isBlank()) {
                throw new IllegalArgumentException("tenant must not be blank");
            }
            tenants.put(tenant, positive("the retention of tenant " + tenant, period));
            return this;
        }

        /** Builds the policy. */
        public RetentionPolicy build() {
            return new RetentionPolicy(this);
        }

        private static Duration positive(String what, Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + period);
            }
            return period;
        }
    }
}
