// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
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
 * <p>Every method also works outside an HTTP request (pass {@code null}: a security framework's
 * event on another thread, an expired session), with the same remarks and no client IP.
 *
 * <p>Every record carries the user name given ({@link ActivityLog#loginName()}), so a trail can be
 * searched by the name that was tried, also when no one was authenticated. No method takes a
 * password, so none can reach a record. An attempted user name is untrusted input: it is bounded
 * and its control characters escaped with the mapper's sanitizer.
 *
 * @since 0.1
 */
public final class LoginActivities {
    /** The {@code reason} in the data of a {@link #sessionExpired} record. */
    public static final String SESSION_EXPIRED = "session expired";

    private static final String NONE = "None";

    private final HttpActivityMapper mapper;

    LoginActivities(HttpActivityMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The record of a successful login of {@code actor}: action Login, remarks
     * {@code <actor> is logged in with ip:<ip>}, login name {@code actor}.
     *
     * @param request the request the login happened in; null outside any request (a login
     *     restored on another thread, a message listener): then there is no client IP, method or
     *     path, the IP reads {@code None} as in the seed, and the open {@link ActivityContext}, if
     *     any, still gives request id, trace id and tenant
     * @throws NullPointerException when {@code actor} is null
     */
    public ActivityLog loginSucceeded(String actor, @Nullable HttpRequestView request) {
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
     * @param request the request of the attempt; null outside any request (see {@link #loginSucceeded})
     * @param reason why it failed, e.g. {@code "bad credentials"}; never the password
     */
    public ActivityLog loginFailed(
            @Nullable String attemptedUsername, @Nullable HttpRequestView request, @Nullable String reason) {
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
     *
     * @param request the request of the logout; null outside any request (see {@link #loginSucceeded})
     * @throws NullPointerException when {@code actor} is null
     */
    public ActivityLog logout(String actor, @Nullable HttpRequestView request) {
        Objects.requireNonNull(actor, "actor");
        Facts f = facts(request);
        return base(ActionType.LOGOUT, request, f)
                .actor(actor)
                .loginName(actor)
                .remarks(actor + " is logged out with ip:" + f.ipText())
                .build();
    }

    /**
     * The record of a session of {@code actor} that the server expired (no request: the container
     * timed it out): action Logout, remarks {@code <actor>'s session expired}, data
     * {@code reason = "session expired"}.
     *
     * @throws NullPointerException when {@code actor} is null
     */
    public ActivityLog sessionExpired(String actor) {
        Objects.requireNonNull(actor, "actor");
        return base(ActionType.LOGOUT, null, facts(null))
                .actor(actor)
                .remarks(actor + "'s session expired")
                .data(Map.of("reason", SESSION_EXPIRED))
                .build();
    }

    private Facts facts(@Nullable HttpRequestView request) {
        @Nullable ActivityContext c = ActivityContext.active().orElse(null);
        if (c == null) {
            return request == null
                    ? new Facts(null, null, null, null)
                    : new Facts(
                            mapper.clientIp(request).orElse(null),
                            mapper.requestId(request),
                            HttpActivityMapper.traceId(request),
                            mapper.tenants().resolve(request).orElse(null));
        }
        // The context's tenant was resolved before authentication; a resolver that reads the caller
        // (a claim, the application's function) answers only now, at the login, so ask it again.
        @Nullable
        String tenant = request == null
                ? c.tenant().orElse(null)
                : mapper.tenant(request, c).orElse(null);
        return new Facts(
                c.clientIp().orElse(null),
                c.requestId().orElseGet(() -> request == null ? null : mapper.requestId(request)),
                c.traceId().orElse(null),
                tenant);
    }

    private ActivityLog.Builder base(ActionType action, @Nullable HttpRequestView request, Facts f) {
        ActivityLog.Builder b = ActivityLog.builder(action, mapper.clock())
                .source(Source.AUTH)
                .clientIp(f.ip())
                .requestId(f.requestId())
                .traceId(f.traceId())
                .tenant(f.tenant());
        if (request != null) {
            b.userAgent(request.header("User-Agent"))
                    .httpMethod(request.method())
                    .httpPath(request.path());
        }
        return b;
    }

    /** What a login record takes from the request or its open context. */
    private record Facts(
            @Nullable String ip,
            @Nullable String requestId,
            @Nullable String traceId,
            @Nullable String tenant) {
        String ipText() {
            return ip == null ? NONE : ip;
        }
    }
}
