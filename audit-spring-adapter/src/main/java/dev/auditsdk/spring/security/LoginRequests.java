// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.security;

import dev.auditsdk.http.HttpRequestView;
import dev.auditsdk.spring.web.ServletViews;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The HTTP request an authentication event happened in, when there is one: Spring Boot binds it to
 * the thread (RequestContextFilter) before the security filter chain runs.
 */
final class LoginRequests {
    static final LoginRequests INSTANCE = new LoginRequests();

    private LoginRequests() {}

    boolean inRequest() {
        return RequestContextHolder.getRequestAttributes() != null;
    }

    /** The neutral view of the current request, or null outside requests. */
    @Nullable
    HttpRequestView view() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s
                ? ServletViews.of(s.getRequest())
                : null;
    }

    /** True the first time it is called for {@code key} within the current request (and always outside requests). */
    boolean markOnce(String key) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return true;
        }
        if (attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST) != null) {
            return false;
        }
        attributes.setAttribute(key, true, RequestAttributes.SCOPE_REQUEST);
        return true;
    }
}
