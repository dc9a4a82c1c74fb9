package dev.auditsdk.spring.security;

import dev.auditsdk.http.TenantResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * The tenant of the authenticated caller under Spring Security, read from one named value of the
 * authentication: a JWT claim or OAuth2 principal attribute (when spring-security-oauth2-core is
 * present), otherwise an entry of the authentication's details when they are a {@code Map}. Read
 * after authentication ran, like the actor.
 *
 * @since 0.1
 */
public final class SpringSecurityTenants {
    private static final boolean OAUTH2 = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.ClaimAccessor", SpringSecurityTenants.class.getClassLoader());

    private SpringSecurityTenants() {}

    /**
     * The resolver reading {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static TenantResolver claim(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return request -> {
            Authentication auth = Actors.current();
            if (auth == null) {
                auth = request.unwrap(HttpServletRequest.class)
                        .map(SpringSecurityActors::saved)
                        .orElse(null);
            }
            return auth == null ? Optional.empty() : TenantResolver.valid(text(value(auth, name)));
        };
    }

    private static @Nullable Object value(Authentication auth, String name) {
        if (OAUTH2) {
            Object claim = OAuth2Values.of(auth, name);
            if (claim != null) {
                return claim;
            }
        }
        return auth.getDetails() instanceof Map<?, ?> details ? details.get(name) : null;
    }

    private static @Nullable String text(@Nullable Object value) {
        // Only plain values name a tenant; a list or object claim is not one tenant.
        return value instanceof String || value instanceof Number ? value.toString() : null;
    }

    /** Kept apart so that the OAuth2 types are loaded only when present. */
    private static final class OAuth2Values {
        static @Nullable Object of(Authentication auth, String name) {
            Object principal = auth.getPrincipal();
            if (principal instanceof org.springframework.security.oauth2.core.ClaimAccessor claims) {
                return claims.getClaims().get(name);
            }
            if (principal instanceof org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal p) {
                return p.getAttributes().get(name);
            }
            return null;
        }
    }
}
