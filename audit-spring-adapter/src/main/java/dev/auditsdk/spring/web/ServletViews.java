package dev.auditsdk.spring.web;

import dev.auditsdk.http.HeaderLookup;
import dev.auditsdk.http.HttpRequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Translates a servlet request into the neutral {@link HttpRequestView}; headers are read on demand. */
final class ServletViews {
    private ServletViews() {}

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
