package dev.auditsdk.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How an adapter finds the tenant of a request and what it does when there is none: the
 * {@link TenantResolver}, whether a tenant is required, and then whether a request without one is
 * rejected at the edge or its records marked. Immutable.
 *
 * @since 0.1
 */
public final class TenantPolicy {
    /** The {@code data} entry, {@code true}, on a record made where a tenant was required but none was resolved. */
    public static final String MISSING_MARK = "tenantMissing";

    /** What happens when a tenant is required and none was resolved. */
    public enum Missing {
        /** The adapter answers 403 before the handler runs; the refusal itself is recorded and marked. */
        REJECT,
        /** The request runs; its records carry {@code data.tenantMissing=true}, so they are found and counted. */
        MARK
    }

    private static final TenantPolicy NONE = new TenantPolicy(TenantResolver.none(), false, false, Missing.MARK);

    private final TenantResolver resolver;
    private final boolean enabled;
    private final boolean required;
    private final Missing onMissing;

    private TenantPolicy(TenantResolver resolver, boolean enabled, boolean required, Missing onMissing) {
        this.resolver = resolver;
        this.enabled = enabled;
        this.required = required;
        this.onMissing = onMissing;
    }

    /** No tenants: records have none, readers see every record. */
    public static TenantPolicy none() {
        return NONE;
    }

    /** Tenants from {@code resolver}, not required. */
    public static TenantPolicy of(TenantResolver resolver) {
        return new TenantPolicy(Objects.requireNonNull(resolver, "resolver"), true, false, Missing.MARK);
    }

    /** This policy with a tenant required on every request of an authenticated caller. */
    public TenantPolicy required(Missing onMissing) {
        if (!enabled) {
            throw new IllegalStateException("a tenant cannot be required without a resolver");
        }
        return new TenantPolicy(resolver, true, true, Objects.requireNonNull(onMissing, "onMissing"));
    }

    /** Whether the application has tenants. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether a tenant is required. */
    public boolean isRequired() {
        return required;
    }

    /** What happens when a required tenant is missing. */
    public Missing onMissing() {
        return onMissing;
    }

    /** The request's tenant. */
    public Optional<String> resolve(HttpRequestView request) {
        return resolver.resolve(Objects.requireNonNull(request, "request"));
    }

    /** The resolver. */
    public TenantResolver resolver() {
        return resolver;
    }

    /** Whether a request of an authenticated caller with this tenant is to be refused at the edge. */
    public boolean rejects(Optional<String> tenant) {
        return required && onMissing == Missing.REJECT && tenant.isEmpty();
    }

    /** Whether a record with this tenant is to carry {@link #MISSING_MARK}. */
    public boolean marks(Optional<String> tenant) {
        return required && tenant.isEmpty();
    }

    @Override
    public String toString() {
        return !enabled ? "TenantPolicy[none]" : "TenantPolicy[required=" + required + ", onMissing=" + onMissing + "]";
    }
}
