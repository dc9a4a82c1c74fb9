package dev.auditsdk.spring.boot;

import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.http.TenantPolicy;
import dev.auditsdk.http.TenantResolver;
import dev.auditsdk.http.TrustedProxies;
import dev.auditsdk.spring.security.SpringSecurityTenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Tenants ({@code audit.tenants.*}): the {@link TenantPolicy} the capture stamps records with, and
 * the {@link ReadScopeResolver} every read surface limits its reads by. An application's own
 * {@link TenantResolver} bean turns tenants on as the properties do.
 *
 * @since 0.1
 */
@AutoConfiguration(before = {AuditRecorderAutoConfiguration.class, AuditReadApiAutoConfiguration.class})
@ConditionalOnProperty(name = "audit.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
@EnableConfigurationProperties(AuditProperties.class)
public class AuditTenantAutoConfiguration {
    private static final String SECURITY = "org.springframework.security.core.context.SecurityContextHolder";

    /** The capture's tenant policy: from the application's resolver or the properties; none otherwise. */
    @Bean
    @ConditionalOnMissingBean
    TenantPolicy auditTenantPolicy(AuditProperties properties, ObjectProvider<TenantResolver> own) {
        AuditTenantProperties t = properties.getTenants();
        TenantResolver resolver = own.getIfUnique(() -> fromProperties(properties));
        if (resolver == null) {
            return TenantPolicy.none();
        }
        TenantPolicy policy = TenantPolicy.of(resolver);
        return t.isRequired() ? policy.required(t.getOnMissing()) : policy;
    }

    /** Every read surface's scope: the caller's tenant, all tenants for the cross-tenant role; all without tenants. */
    @Bean
    @ConditionalOnMissingBean
    ReadScopeResolver auditReadScopeResolver(TenantPolicy tenants, AuditProperties properties) {
        if (!tenants.enabled()) {
            return ReadScopeResolver.allTenants();
        }
        String role = properties.getTenants().getCrossTenantRole();
        return ReadScopeResolver.byTenant(
                tenants.resolver(),
                request -> request.unwrap(HttpServletRequest.class)
                        .map(r -> r.getUserPrincipal() != null && r.isUserInRole(role))
                        .orElse(false));
    }

    private static @org.jspecify.annotations.Nullable TenantResolver fromProperties(AuditProperties properties) {
        AuditTenantProperties t = properties.getTenants();
        if (!t.configured()) {
            return null;
        }
        TenantResolver resolver = TenantResolver.none();
        if (t.getHeader() != null && !t.getHeader().isBlank()) {
            resolver = resolver.orElse(
                    TenantResolver.header(t.getHeader(), TrustedProxies.of(properties.getTrustedProxies())));
        }
        if (t.getClaim() != null && !t.getClaim().isBlank()) {
            if (!ClassUtils.isPresent(SECURITY, AuditTenantAutoConfiguration.class.getClassLoader())) {
                throw new IllegalStateException("audit.tenants.claim needs Spring Security on the classpath");
            }
            resolver = resolver.orElse(SpringSecurityTenants.claim(t.getClaim()));
        }
        if (t.getPathSegment() != null) {
            resolver = resolver.orElse(TenantResolver.pathSegment(t.getPathSegment()));
        }
        return resolver;
    }
}
