package dev.auditsdk.spring.security;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The HTTP request an authentication event happened in, when there is one (Spring Boot binds it
 * to the thread before the security filter chain runs).
 */
final class LoginRequests {
    static final LoginRequests INSTANCE = new LoginRequests();

    private LoginRequests() {}

    boolean inRequest() {
        return RequestContextHolder.getRequestAttributes() != null;
    }

    /** Adds the request's method, path and user agent; the request id and client IP come from the activity context. */
    ActivityLog.Builder describe(ActivityLog.Builder b) {
        HttpServletRequest request = request();
        if (request != null) {
            b.httpMethod(request.getMethod()).httpPath(request.getRequestURI()).userAgent(request.getHeader("User-Agent"));
        }
        return b;
    }

    /** " from 10.0.0.1" (the seed's wording) when the client IP is known, else "". */
    String fromIp() {
        return ActivityContext.current().clientIp().map(ip -> " from " + ip).orElse("");
    }

    /** True the first time it is called for {@code key} within the current request (and outside requests). */
    boolean markOnce(String key) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return true;
        }
        if (attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST) != null) {
            return false;
        }
        attributes.setAttribute(key, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        return true;
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s ? s.getRequest() : null;
    }
}
