// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.web;

import dev.auditsdk.http.HeaderLookup;
import dev.auditsdk.http.HttpRequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates a servlet request into core's neutral {@link HttpRequestView}, for the MVC capture,
 * the security listener and an application's own calls to core's
 * {@link dev.auditsdk.http.LoginActivities}. Headers are read on demand; core drops path parameters
 * ({@code ;jsessionid=}) from the path.
 *
 * @since 0.1
 */
public final class ServletViews {
    private ServletViews() {}

    /**
     * The view of a request being handled; valid only while it is.
     *
     * @throws NullPointerException when {@code request} is null
     */
    public static HttpRequestView of(HttpServletRequest request) {
        return view(request, null);
    }

    static HttpRequestView view(HttpServletRequest request, @Nullable Instant startedAt) {
        return HttpRequestView.builder(request.getMethod(), request.getRequestURI())
                .remoteAddress(request.getRemoteAddr())
                .headers(headers(request))
                .startedAt(startedAt)
                .nativeRequest(request)
                .build();
    }

    private static HeaderLookup headers(HttpServletRequest request) {
        return new HeaderLookup() {
            @Override
            public @Nullable String first(String name) {
                return request.getHeader(name);
            }

            @Override
            public List<String> all(String name) {
                return request.getHeaders(name) == null ? List.of() : Collections.list(request.getHeaders(name));
            }
        };
    }
}
