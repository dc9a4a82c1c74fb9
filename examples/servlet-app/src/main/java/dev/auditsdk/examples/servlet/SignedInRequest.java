// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** A request whose user the application authenticated itself: what the container would report after its own login. */
final class SignedInRequest extends HttpServletRequestWrapper {
    private final String user;
    private final String role;

    SignedInRequest(HttpServletRequest request, String user, String role) {
        super(request);
        this.user = user;
        this.role = role;
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> user;
    }

    @Override
    public String getRemoteUser() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return this.role.equals(role) || (this.role.equals(Users.AUDITOR_ALL) && role.equals(Users.AUDITOR));
    }

    @Override
    public String getAuthType() {
        return getSession(false) != null ? FORM_AUTH : BASIC_AUTH;
    }
}
