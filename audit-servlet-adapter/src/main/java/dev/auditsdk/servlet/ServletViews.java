package dev.auditsdk.servlet;

import dev.auditsdk.http.HeaderLookup;
import dev.auditsdk.http.HttpRequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates a servlet request into the neutral {@link HttpRequestView}; headers are read on demand.
 * The path is the raw request URI; the view drops its path parameters (no {@code ;jsessionid=} in records).
 *
 * @since 0.1
 */
public final class ServletViews {
    private ServletViews() {}

    /**
     * The view of a request being handled, e.g. for a {@link dev.auditsdk.http.ReadScopeResolver};
     * valid only while it is.
     */
    public static HttpRequestView of(HttpServletRequest request) {
        return view(request, null);
    }

    static HttpRequestView view(HttpServletRequest request, @Nullable Instant startedAt) {
        String uri = request.getRequestURI();
        return HttpRequestView.builder(request.getMethod(), uri == null ? "/" : uri)
                .remoteAddress(request.getRemoteAddr())
                .headers(new Headers(request))
                .startedAt(startedAt)
                .nativeRequest(request)
                .build();
    }

    private static final class Headers implements HeaderLookup {
        private final HttpServletRequest request;

        Headers(HttpServletRequest request) {
            this.request = request;
        }

        @Override
        public @Nullable String first(String name) {
            return request.getHeader(name);
        }

        @Override
        public List<String> all(String name) {
            Enumeration<String> values = request.getHeaders(name);
            if (values == null || !values.hasMoreElements()) {
                return List.of();
            }
            List<String> list = new ArrayList<>(2);
            while (values.hasMoreElements()) {
                list.add(values.nextElement());
            }
            return list;
        }
    }
}
