// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** Who an {@link Authentication} is, without ever touching its credentials. */
final class Actors {
    private Actors() {}

    /** The authenticated user of this thread's security context, or null for none or anonymous. */
    static @Nullable Authentication current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return isAuthenticated(auth) ? auth : null;
    }

    static boolean isAuthenticated(@Nullable Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /**
     * The user name typed into a failed user-name/password login, or null. Other kinds of tokens
     * are not asked: a bearer token's principal and name are the token itself.
     */
    static @Nullable String attemptedUserName(Authentication auth) {
        if (!(auth instanceof UsernamePasswordAuthenticationToken)) {
            return null;
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof UserDetails user) {
            return user.getUsername();
        }
        return principal instanceof String s && !s.isBlank() ? s : null;
    }
}
