// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.security;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Source;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.LoginActivities;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionDestroyedEvent;

/**
 * Records Spring Security's authentication events, once each per interactive login:
 *
 * <ul>
 *   <li>{@link InteractiveAuthenticationSuccessEvent} (form login, OAuth2/SAML login, remember-me)
 *       → {@code Login}. The plain {@code AuthenticationSuccessEvent} is ignored on purpose: it
 *       fires on every request authenticated by HTTP Basic or a bearer token, and a second time
 *       for each form login; those requests are recorded by the MVC capture with their actor.
 *   <li>{@link AbstractAuthenticationFailureEvent} → {@code Login Failed}, with the exception type
 *       (never its message, never the credentials) and the attempted user name only when it came
 *       from a user-name/password form (a bearer token's "name" is the token itself). One per
 *       request at most: every failed attempt counts, whichever mechanism carried it.
 *   <li>{@link LogoutSuccessEvent} → {@code Logout}.
 *   <li>{@link SessionDestroyedEvent} of an authenticated session outside any request (the
 *       container timed it out) → {@code Logout} with {@code data.reason = "session expired"};
 *       invalidations during a request (an explicit logout) and at shutdown are not recorded.
 * </ul>
 *
 * The records are made by the neutral {@link LoginActivities} (seed remarks, trusted-proxy client
 * IP, the request id of the request's own record, user agent; the same remarks without a client IP
 * when an event comes outside any request); they have {@link Source#AUTH}.
 * Recording never throws into the authentication flow.
 *
 * @since 0.1
 */
public final class AuditAuthenticationListener implements SmartApplicationListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAuthenticationListener.class);
    private static final String FAILURE_RECORDED = AuditAuthenticationListener.class.getName() + ".failureRecorded";

    private final ActivityRecorder recorder;
    private final HttpActivityMapper mapper;
    private final LoginActivities logins;
    private final LoginRequests requests = LoginRequests.INSTANCE;
    private volatile boolean closing;

    private AuditAuthenticationListener(ActivityRecorder recorder, HttpActivityMapper mapper) {
        this.recorder = recorder;
        this.mapper = mapper;
        this.logins = mapper.logins();
    }

    /** A listener recording into {@code recorder}, with {@code mapper}'s client-IP, request-id and clock settings. */
    public static AuditAuthenticationListener create(ActivityRecorder recorder, HttpActivityMapper mapper) {
        return new AuditAuthenticationListener(
                Objects.requireNonNull(recorder, "recorder"), Objects.requireNonNull(mapper, "mapper"));
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return InteractiveAuthenticationSuccessEvent.class.isAssignableFrom(type)
                || AbstractAuthenticationFailureEvent.class.isAssignableFrom(type)
                || LogoutSuccessEvent.class.isAssignableFrom(type)
                || SessionDestroyedEvent.class.isAssignableFrom(type)
                || ContextClosedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        try {
            if (!mapper.isEnabled()) {
                return;
            }
            if (event instanceof InteractiveAuthenticationSuccessEvent e) {
                login(e.getAuthentication());
            } else if (event instanceof AbstractAuthenticationFailureEvent e) {
                failure(e);
            } else if (event instanceof LogoutSuccessEvent e) {
                logout(e.getAuthentication());
            } else if (event instanceof SessionDestroyedEvent e) {
                sessionDestroyed(e);
            } else if (event instanceof ContextClosedEvent) {
                closing = true;
            }
        } catch (RuntimeException ex) {
            LOG.warn(
                    "Could not record the authentication event {}",
                    event.getClass().getSimpleName(),
                    ex);
        }
    }

    private void login(Authentication auth) {
        // A tenant resolver reading the caller (SpringSecurityTenants.claim, an application's
        // function) must see the authentication of this login, even where the event comes before
        // the security context holds it.
        SecurityContext previous = SecurityContextHolder.getContext();
        boolean lend = previous.getAuthentication() != auth;
        if (lend) {
            SecurityContext c = SecurityContextHolder.createEmptyContext();
            c.setAuthentication(auth);
            SecurityContextHolder.setContext(c);
        }
        try {
            recorder.record(logins.loginSucceeded(auth.getName(), requests.view()));
        } finally {
            if (lend) {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    private void failure(AbstractAuthenticationFailureEvent e) {
        if (!requests.markOnce(FAILURE_RECORDED)) {
            return;
        }
        String attempted = Actors.attemptedUserName(e.getAuthentication());
        // The exception's type only: messages may echo user input.
        String reason = e.getException().getClass().getSimpleName();
        recorder.record(logins.loginFailed(attempted, requests.view(), reason));
    }

    private void logout(Authentication auth) {
        recorder.record(logins.logout(auth.getName(), requests.view()));
    }

    private void sessionDestroyed(SessionDestroyedEvent e) {
        // During a request the session is invalidated on purpose (logout, or the application); at
        // shutdown the container expires every session. Neither is an expiry.
        if (closing || requests.inRequest() || ActivityContext.active().isPresent()) {
            return;
        }
        for (SecurityContext context : e.getSecurityContexts()) {
            Authentication auth = context.getAuthentication();
            if (auth != null && Actors.isAuthenticated(auth)) {
                recorder.record(logins.sessionExpired(auth.getName()));
            }
        }
    }
}
