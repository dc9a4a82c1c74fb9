// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.LoginActivities;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Records Login, Login Failed and Logout for servlet applications: around the container's
 * {@code HttpServletRequest.login/logout}, or from an application's own login servlet. Records come
 * from {@link LoginActivities} (the seed's remarks, source AUTH, trusted-proxy client IP, the
 * request's id). Nothing is recorded while the mapper is disabled. Passwords are handed to the container and never reach a record; a failure to
 * record is logged, never thrown.
 *
 * <pre>{@code
 * ServletLogins logins = ServletLogins.of(recorder, mapper);   // or filter.logins()
 * logins.login(request, username, password);                   // throws ServletException when rejected
 * logins.logout(request);
 * }</pre>
 *
 * @since 0.1
 */
public final class ServletLogins {
    /** What a Login Failed record gives as the reason when the container rejected the credentials. */
    public static final String REJECTED = "rejected by the container";

    private final ActivityRecorder recorder;
    private final boolean enabled;
    private final LoginActivities activities;
    private final FailureLog failures = new FailureLog();

    private ServletLogins(ActivityRecorder recorder, HttpActivityMapper mapper) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.activities = Objects.requireNonNull(mapper, "mapper").logins();
        this.enabled = mapper.isEnabled();
    }

    /** Helpers recording to {@code recorder} with the client-IP and request-id rules of {@code mapper}. */
    public static ServletLogins of(ActivityRecorder recorder, HttpActivityMapper mapper) {
        return new ServletLogins(recorder, mapper);
    }

    /**
     * Logs in through the container ({@link HttpServletRequest#login}) and records the outcome.
     *
     * @throws ServletException as thrown by the container when it rejects the credentials (recorded as Login Failed)
     */
    public void login(HttpServletRequest request, String username, String password) throws ServletException {
        Objects.requireNonNull(username, "username");
        try {
            request.login(username, password);
        } catch (ServletException e) {
            loginFailed(request, username, REJECTED);
            throw e;
        }
        String user = request.getRemoteUser();
        loginSucceeded(request, user != null ? user : username);
    }

    /**
     * Records a Logout of the current user (when there is one) and logs out through the container.
     *
     * @throws ServletException as thrown by {@link HttpServletRequest#logout}
     */
    public void logout(HttpServletRequest request) throws ServletException {
        Principal p = request.getUserPrincipal();
        if (p != null) {
            loggedOut(request, p.getName());
        }
        request.logout();
    }

    /** Records a successful login by the application's own code. */
    public void loginSucceeded(HttpServletRequest request, String actor) {
        record(() -> activities.loginSucceeded(actor, ServletViews.view(request, null)));
    }

    /** Records a failed login; {@code attemptedUsername} is untrusted and cleaned; never pass the password. */
    public void loginFailed(HttpServletRequest request, @Nullable String attemptedUsername, @Nullable String reason) {
        record(() -> activities.loginFailed(attemptedUsername, ServletViews.view(request, null), reason));
    }

    /** Records a logout done by the application's own code. */
    public void loggedOut(HttpServletRequest request, String actor) {
        record(() -> activities.logout(actor, ServletViews.view(request, null)));
    }

    private void record(Supplier<ActivityLog> log) {
        if (!enabled) {
            return;
        }
        try {
            recorder.record(log.get());
        } catch (RuntimeException e) {
            failures.failed("record a login activity", e);
        }
    }
}
