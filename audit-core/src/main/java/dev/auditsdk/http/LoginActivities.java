package dev.auditsdk.http;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes the records of logins, failed logins and logouts, with the seed's remarks
 * ({@code alice is logged in with ip:203.0.113.9}, {@code Login Attempt Failed for alice with ip:
 * 203.0.113.9}). Records have source {@link Source#AUTH}, the request's client IP (trusted-proxy
 * rules of the mapper), request id and trace id (those of the open {@link ActivityContext} when there
 * is one, so the login row and the request row correlate), user agent, method and path. Get one
 * from {@link HttpActivityMapper#logins()} and pass what it makes to the recorder:
 *
 * <pre>{@code recorder.record(logins.loginFailed(username, request, "bad credentials"));}</pre>
 *
 * <p>Every record carries the user name given ({@link ActivityLog#loginName()}), so a trail can be
 * searched by the name that was tried, also when no one was authenticated. No method takes a
 * password, so none can reach a record. An attempted user name is untrusted input: it is bounded
 * and its control characters escaped with the mapper's sanitizer.
 *
 * @since 0.1
 */
public final class LoginActivities {
    private static final String NONE = "None";

    private final HttpActivityMapper mapper;

    LoginActivities(HttpActivityMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The record of a successful login of {@code actor}: action Login, remarks
     * {@code <actor> is logged in with ip:<ip>}, login name {@code actor}.
     */
    public ActivityLog loginSucceeded(String actor, HttpRequestView request) {
        Objects.requireNonNull(actor, "actor");
        Facts f = facts(request);
        return base(ActionType.LOGIN, request, f)
                .actor(actor)
                .loginName(actor)
                .remarks(actor + " is logged in with ip:" + f.ipText())
                .build();
    }

    /**
     * The record of a failed login: action Login Failed, status Failed, no actor, login name
     * {@code <username>}, remarks {@code Login Attempt Failed for <username> with ip: <ip>}; data
     * {@code username} (as before the login name existed) and {@code reason} (all cleaned).
     *
     * @param attemptedUsername what the client typed, untrusted; null when none was given
     * @param reason why it failed, e.g. {@code "bad credentials"}; never the password
     */
    public ActivityLog loginFailed(
            @Nullable String attemptedUsername, HttpRequestView request, @Nullable String reason) {
        Facts f = facts(request);
        @Nullable String user = mapper.sanitizer().name(attemptedUsername);
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        if (user != null) {
            data.put("username", user);
        }
        if (reason != null) {
            data.put("reason", mapper.sanitizer().name(reason));
        }
        return base(ActionType.LOGIN_FAILED, request, f)
                .status(Status.FAILED)
                .loginName(user)
                .remarks("Login Attempt Failed for " + (user == null ? NONE : user) + " with ip: " + f.ipText())
                .data(data)
                .build();
    }

    /**
     * The record of a logout of {@code actor}: action Logout, remarks
     * {@code <actor> is logged out with ip:<ip>}, login name {@code actor}.
     */
    public ActivityLog logout(String actor, HttpRequestView request) {
        Objects.requireNonNull(actor, "actor");
        Facts f = facts(request);
        return base(ActionType.LOGOUT, request, f)
                .actor(actor)
                .loginName(actor)
                .remarks(actor + " is logged out with ip:" + f.ipText())
                .build();
    }

    private Facts facts(HttpRequestView request) {
        Objects.requireNonNull(request, "request");
        @Nullable ActivityContext c = ActivityContext.active().orElse(null);
        if (c == null) {
            return new Facts(
                    mapper.clientIp(request).orElse(null),
                    mapper.requestId(request),
                    HttpActivityMapper.traceId(request),
                    null);
        }
        return new Facts(
                c.clientIp().orElse(null),
                c.requestId().orElseGet(() -> mapper.requestId(request)),
                c.traceId().orElse(null),
                c.tenant().orElse(null));
    }

    private ActivityLog.Builder base(ActionType action, HttpRequestView request, Facts f) {
        return ActivityLog.builder(action, mapper.clock())
                .source(Source.AUTH)
                .clientIp(f.ip())
                .requestId(f.requestId())
                .traceId(f.traceId())
                .tenant(f.tenant())
                .userAgent(request.header("User-Agent"))
                .httpMethod(request.method())
                .httpPath(request.path());
    }

    /** What a login record takes from the request or its open context. */
    private record Facts(
            @Nullable String ip,
            String requestId,
            @Nullable String traceId,
            @Nullable String tenant) {
        String ipText() {
            return ip == null ? NONE : ip;
        }
    }
}
