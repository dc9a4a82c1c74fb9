// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which tenants' records a per-tenant purge deletes ({@link ActivityStore#purgeBefore(java.time.Instant,
 * TenantSelection)}): one tenant's, or every record except those of some tenants (records without a
 * tenant included). Per-tenant retention is made of one of each: a tenant with its own period, and
 * the default period for everyone else.
 *
 * @since 0.1
 */
public final class TenantSelection {
    private final @Nullable String tenant;
    private final Set<String> except;

    private TenantSelection(@Nullable String tenant, Set<String> except) {
        this.tenant = tenant;
        this.except = except;
    }

    /**
     * The records of {@code tenant} only.
     *
     * @throws IllegalArgumentException if {@code tenant} is blank
     */
    public static TenantSelection only(String tenant) {
        return new TenantSelection(nonBlank(tenant), Set.of());
    }

    /**
     * Every record (with or without a tenant) except those of {@code tenants}.
     *
     * @throws IllegalArgumentException if a tenant is blank
     */
    public static TenantSelection allExcept(Set<String> tenants) {
        Set<String> copy = new TreeSet<>();
        for (String t : Objects.requireNonNull(tenants, "tenants")) {
            copy.add(nonBlank(t));
        }
        return new TenantSelection(null, java.util.Collections.unmodifiableSet(copy));
    }

    /** The one tenant selected; empty for {@link #allExcept}. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The tenants left out by {@link #allExcept}, sorted; empty for {@link #only}. */
    public Set<String> except() {
        return except;
    }

    /** Whether a record of {@code recordTenant} (null: none) is selected. */
    public boolean matches(@Nullable String recordTenant) {
        return tenant != null ? tenant.equals(recordTenant) : recordTenant == null || !except.contains(recordTenant);
    }

    private static String nonBlank(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank");
        }
        return tenant;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantSelection s && Objects.equals(tenant, s.tenant) && except.equals(s.except);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, except);
    }

    @Override
    public String toString() {
        return tenant != null ? "tenant " + tenant : "every tenant except " + except;
    }
}
