// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.http.TenantPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code audit.tenants.*}: which tenant a request belongs to, and who may read across tenants.
 * Tenants are on when {@code header}, {@code claim} or {@code path-segment} is set, or when the
 * application declares its own {@code TenantResolver} bean; then every read of the trail is limited
 * to the caller's tenant unless the caller has {@code cross-tenant-role}.
 *
 * @since 0.1
 */
public class AuditTenantProperties {
    /** Request header naming the tenant, believed only from audit.trusted-proxies (which must set it after authenticating). */
    private @Nullable String header;

    /** JWT claim, OAuth2 principal attribute or authentication-details entry naming the caller's tenant. */
    private @Nullable String claim;

    /** Index of the path segment naming the tenant (0 = first segment, e.g. /{tenant}/posts). */
    private @Nullable Integer pathSegment;

    /** Role (without ROLE_) whose holders read every tenant's records and may filter by tenant. */
    private String crossTenantRole = "AUDITOR_ALL";

    /** Whether every recorded request must have a tenant; what happens without one is on-missing. */
    private boolean required;

    /** When required and no tenant was resolved: reject the request (403) or mark its record. */
    private TenantPolicy.Missing onMissing = TenantPolicy.Missing.REJECT;

    /** Retention periods of tenants with their own (e.g. acme: 2557d); the others keep audit.retention. */
    private Map<String, Duration> retention = new TreeMap<>();

    /** The value of {@code audit.tenants.header}. */
    public @Nullable String getHeader() {
        return header;
    }
    /** Sets {@code audit.tenants.header}. */
    public void setHeader(@Nullable String header) {
        this.header = header;
    }
    /** The value of {@code audit.tenants.claim}. */
    public @Nullable String getClaim() {
        return claim;
    }
    /** Sets {@code audit.tenants.claim}. */
    public void setClaim(@Nullable String claim) {
        this.claim = claim;
    }
    /** The value of {@code audit.tenants.path-segment}. */
    public @Nullable Integer getPathSegment() {
        return pathSegment;
    }
    /** Sets {@code audit.tenants.path-segment}. */
    public void setPathSegment(@Nullable Integer pathSegment) {
        this.pathSegment = pathSegment;
    }
    /** The value of {@code audit.tenants.cross-tenant-role}. */
    public String getCrossTenantRole() {
        return crossTenantRole;
    }
    /** Sets {@code audit.tenants.cross-tenant-role}. */
    public void setCrossTenantRole(String crossTenantRole) {
        this.crossTenantRole = crossTenantRole;
    }
    /** The value of {@code audit.tenants.required}. */
    public boolean isRequired() {
        return required;
    }
    /** Sets {@code audit.tenants.required}. */
    public void setRequired(boolean required) {
        this.required = required;
    }
    /** The value of {@code audit.tenants.on-missing}. */
    public TenantPolicy.Missing getOnMissing() {
        return onMissing;
    }
    /** Sets {@code audit.tenants.on-missing}. */
    public void setOnMissing(TenantPolicy.Missing onMissing) {
        this.onMissing = onMissing;
    }

    /** The value of {@code audit.tenants.retention}. */
    public Map<String, Duration> getRetention() {
        return retention;
    }
    /** Sets {@code audit.tenants.retention}. */
    public void setRetention(Map<String, Duration> retention) {
        this.retention = new TreeMap<>(retention);
    }

    boolean configured() {
        return (header != null && !header.isBlank()) || (claim != null && !claim.isBlank()) || pathSegment != null;
    }
}
