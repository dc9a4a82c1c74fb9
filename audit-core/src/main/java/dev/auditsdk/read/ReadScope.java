// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.spi.ActivityStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Which records one caller may read: every tenant's (a cross-tenant auditor, or an application
 * without tenants) or one tenant's. It is the one place where reading is limited to a tenant: every
 * surface that serves the trail (the read API's listing, single record, export, count and
 * verification, the viewer) reads through {@link #over(ActivityStore)}, never through the store
 * itself, so a surface cannot forget the tenant.
 *
 * <ul>
 *   <li>A query is {@linkplain #restrict restricted} to the tenant whatever its own tenant filter
 *       says; a cross-tenant scope keeps the query's tenant filter, so such a caller may filter by tenant.
 *   <li>A record of another tenant is not there: {@code get} answers empty, exactly as for an id
 *       that does not exist, so a caller cannot learn that it exists (the surface answers 404, not 403).
 *   <li>A cursor is only a position in time order, and the next page is read with the same
 *       restriction, so another tenant's cursor yields this tenant's records after that position and
 *       nothing of the other tenant.
 * </ul>
 *
 * <p>A one-tenant scope never sees records without a tenant.
 *
 * @since 0.1
 */
public final class ReadScope {
    /** The longest tenant, the column's width. */
    public static final int MAX_TENANT = 255;

    private static final ReadScope ALL = new ReadScope(null);

    private final @Nullable String tenant;

    private ReadScope(@Nullable String tenant) {
        this.tenant = tenant;
    }

    /** Every tenant's records, and records without a tenant: a cross-tenant auditor, or an application without tenants. */
    public static ReadScope allTenants() {
        return ALL;
    }

    /**
     * Only the records of {@code tenant}.
     *
     * @throws IllegalArgumentException if {@code tenant} is blank or longer than {@value #MAX_TENANT} characters
     */
    public static ReadScope tenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank");
        }
        if (tenant.length() > MAX_TENANT) {
            throw new IllegalArgumentException("tenant is longer than " + MAX_TENANT + " characters");
        }
        return new ReadScope(tenant);
    }

    /**
     * The scope of a caller whose tenant is {@code tenant}: every tenant when {@code crossTenant},
     * otherwise the caller's own tenant; empty when the caller has neither, so the surface refuses
     * to read (403) rather than guessing.
     */
    public static Optional<ReadScope> ofCaller(Optional<String> tenant, boolean crossTenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (crossTenant) {
            return Optional.of(ALL);
        }
        return tenant.filter(t -> !t.isBlank()).map(ReadScope::tenant);
    }

    /** Whether this scope reads every tenant. */
    public boolean isCrossTenant() {
        return tenant == null;
    }

    /** The one tenant this scope reads; empty for {@link #allTenants()}. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The query limited to this scope: its tenant filter replaced by this scope's tenant, if it has one. */
    public ActivityQuery restrict(ActivityQuery query) {
        Objects.requireNonNull(query, "query");
        if (tenant == null || tenant.equals(query.tenant().orElse(null))) {
            return query;
        }
        return query.toBuilder().tenant(tenant).build();
    }

    /** Whether a record is inside this scope. */
    public boolean permits(ActivityLog log) {
        Objects.requireNonNull(log, "log");
        return tenant == null || tenant.equals(log.tenant().orElse(null));
    }

    /**
     * The store as this scope sees it: {@code find} restricted, {@code get} empty for records outside
     * the scope. The view is read-only: {@code append} and {@code purgeBefore} throw
     * {@link UnsupportedOperationException}. For {@link #allTenants()} the view is still read-only.
     */
    public ActivityStore over(ActivityStore store) {
        return new ScopedActivityStore(Objects.requireNonNull(store, "store"), this);
    }

    /**
     * Verifies the hash chains as this scope may: the one place where a verification reads the
     * trail. A chain interleaves the records of every tenant its recorder wrote, so a one-tenant
     * verification cannot read only its own rows (the others' positions would be gaps): it walks
     * every row from {@code from} on in chain order, and the verifier checks each of them (hash,
     * links, positions, signed checkpoints, retention markers), but withholds the id and content
     * of any row outside the scope from the report ({@link ActivityVerifier.Builder#withholding}).
     * The tenant's auditor thus learns that its own rows are intact and complete, and that the
     * chains around them are, but of the other rows only how many there are per chain and where a
     * finding sits (chain and position). A cross-tenant scope verifies every row and names them all.
     * Rows never leave this method except into the verifier.
     *
     * @param store the store itself (not a scoped view: the walk needs the other tenants' rows)
     * @param from rows before this instant are out of the window (not reported as missing); null for the whole trail
     * @param settings the verifier's settings (checkpoints, key), without {@code withholding}
     * @param more told how many rows were checked so far; returning false stops the walk (the report then covers what was checked)
     * @since 0.1
     */
    public VerificationReport verify(
            ActivityStore store, @Nullable Instant from, ActivityVerifier.Builder settings, LongPredicate more) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(more, "more");
        if (from != null) {
            // rows before the window are out of scope, not missing
            settings.purgedBefore(from);
        }
        if (tenant != null) {
            settings.withholding(row -> !permits(row));
        }
        ActivityVerifier.Session session = settings.build().start();
        store.forEachInChainOrder(ActivityQuery.builder().from(from).build(), row -> {
            session.add(row);
            return more.test(session.rowsChecked());
        });
        return session.finish();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadScope s && Objects.equals(tenant, s.tenant);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tenant);
    }

    @Override
    public String toString() {
        return tenant == null ? "ReadScope[all tenants]" : "ReadScope[tenant=" + tenant + "]";
    }
}
