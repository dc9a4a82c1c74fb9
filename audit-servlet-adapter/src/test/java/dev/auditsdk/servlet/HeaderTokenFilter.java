// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.security.Principal;

/**
 * Stands in for a token/JWT authentication filter placed after the recording filter: it wraps the
 * request (so the recording filter cannot see the principal) and names the actor through
 * {@link ActivityRecordingFilter#ACTOR_ATTRIBUTE}, as the README tells such filters to.
 */
final class HeaderTokenFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String token = request.getHeader("X-Test-User");
        if (token == null) {
            chain.doFilter(req, res);
            return;
        }
        Principal user = () -> token;
        request.setAttribute(ActivityRecordingFilter.ACTOR_ATTRIBUTE, user);
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return user;
                    }
                },
                res);
    }
}
