// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.security;

import dev.auditsdk.http.ActorResolver;
import dev.auditsdk.http.HttpExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The actor of a request under Spring Security: the name of the authenticated, non-anonymous
 * {@link Authentication} — form, HTTP Basic, bearer/JWT and any other mechanism alike, since it is
 * read after authentication ran. Inside the security filter chain it comes from the
 * {@code SecurityContextHolder}; after the chain has cleared it (a request the chain refused with
 * 403 is only seen outside it) from the security context the chain saved in the request or the
 * HTTP session.
 *
 * @since 0.1
 */
public final class SpringSecurityActors {
    private SpringSecurityActors() {}

    /** The resolver; combine with {@code orElse(ActorResolver.principal())} for non-Spring-Security principals. */
    public static ActorResolver resolver() {
        return SpringSecurityActors::resolve;
    }

    /**
     * The name of this thread's authenticated, non-anonymous user, or empty: the actor of records made
     * outside the HTTP capture on a request's thread, such as entity changes at commit.
     *
     * @since 0.2
     */
    public static Optional<String> current() {
        Authentication auth = Actors.current();
        return auth == null ? Optional.empty() : Optional.ofNullable(auth.getName());
    }

    private static Optional<String> resolve(HttpExchange exchange) {
        Authentication auth = Actors.current();
        if (auth == null) {
            auth = exchange.request()
                    .unwrap(HttpServletRequest.class)
                    .map(SpringSecurityActors::saved)
                    .orElse(null);
        }
        return auth == null ? Optional.empty() : Optional.ofNullable(auth.getName());
    }

    /** The authentication the security chain saved in the request or the session, once it has cleared the holder. */
    static @Nullable Authentication saved(HttpServletRequest request) {
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        if (context == null) {
            HttpSession session = request.getSession(false);
            try {
                context = session == null
                        ? null
                        : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            } catch (IllegalStateException invalidated) {
                context = null;
            }
        }
        Authentication auth = context instanceof SecurityContext c ? c.getAuthentication() : null;
        return Actors.isAuthenticated(auth) ? auth : null;
    }
}
