package dev.auditsdk.http;

import dev.auditsdk.read.ReadScope;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which records the caller of a read surface may see, decided on the server from the caller alone
 * (never from the request's parameters). Both adapters' read surfaces call it before reading;
 * empty means the caller may read nothing (the surface answers 403).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReadScopeResolver {
    /** The caller's scope; empty when the caller may read nothing. */
    Optional<ReadScope> resolve(HttpRequestView request);

    /** Every reader sees every record: an application without tenants. */
    static ReadScopeResolver allTenants() {
        return request -> Optional.of(ReadScope.allTenants());
    }

    /**
     * Tenants enforced: a caller for whom {@code crossTenant} holds (e.g. who has the role
     * {@code AUDITOR_ALL}) sees every tenant; anyone else sees only the tenant {@code tenants}
     * resolves for them, and nothing when it resolves none.
     */
    static ReadScopeResolver byTenant(TenantResolver tenants, Predicate<HttpRequestView> crossTenant) {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(crossTenant, "crossTenant");
        return request -> ReadScope.ofCaller(tenants.resolve(request), crossTenant.test(request));
    }
}
