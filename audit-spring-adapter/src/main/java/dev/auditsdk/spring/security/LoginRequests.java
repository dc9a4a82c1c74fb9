package dev.auditsdk.spring.security;

import dev.auditsdk.http.HeaderLookup;
import dev.auditsdk.http.HttpRequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
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
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s)) {
            return null;
        }
        HttpServletRequest request = s.getRequest();
        return HttpRequestView.builder(request.getMethod(), request.getRequestURI())
                .remoteAddress(request.getRemoteAddr())
                .headers(new HeaderLookup() {
                    @Override
                    public @Nullable String first(String name) {
                        return request.getHeader(name);
                    }

                    @Override
                    public List<String> all(String name) {
                        return request.getHeaders(name) == null
                                ? List.of()
                                : Collections.list(request.getHeaders(name));
                    }
                })
                .nativeRequest(request)
                .build();
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
