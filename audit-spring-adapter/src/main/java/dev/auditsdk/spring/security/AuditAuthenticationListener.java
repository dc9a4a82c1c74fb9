package dev.auditsdk.spring.security;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
 * Records get {@link Source#AUTH}; inside a request they carry its request id and client IP.
 * Recording never throws into the authentication flow.
 *
 * @since 0.1
 */
public final class AuditAuthenticationListener implements SmartApplicationListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAuthenticationListener.class);
    private static final String FAILURE_RECORDED = AuditAuthenticationListener.class.getName() + ".failureRecorded";

    private final ActivityRecorder recorder;
    private final LoginRequests requests;
    private volatile boolean closing;

    private AuditAuthenticationListener(ActivityRecorder recorder, LoginRequests requests) {
        this.recorder = recorder;
        this.requests = requests;
    }

    /** A listener recording into {@code recorder}. */
    public static AuditAuthenticationListener create(ActivityRecorder recorder) {
        return new AuditAuthenticationListener(Objects.requireNonNull(recorder, "recorder"), LoginRequests.INSTANCE);
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
            if (event instanceof InteractiveAuthenticationSuccessEvent e) {
                login(e.getAuthentication());
            } else if (event instanceof AbstractAuthenticationFailureEvent e) {
                failure(e);
            } else if (event instanceof LogoutSuccessEvent e) {
                logout(e.getAuthentication(), null);
            } else if (event instanceof SessionDestroyedEvent e) {
                sessionDestroyed(e);
            } else if (event instanceof ContextClosedEvent) {
                closing = true;
            }
        } catch (RuntimeException ex) {
            LOG.warn("Could not record the authentication event {}", event.getClass().getSimpleName(), ex);
        }
    }

    private void login(Authentication auth) {
        String actor = auth.getName();
        recorder.record(ActionType.LOGIN, b -> requests.describe(b.actor(actor).source(Source.AUTH)
                .remarks(actor + " logged in" + requests.fromIp())
                .data(Map.of("authentication", auth.getClass().getSimpleName()))));
    }

    private void failure(AbstractAuthenticationFailureEvent e) {
        if (!requests.markOnce(FAILURE_RECORDED)) {
            return;
        }
        String attempted = Actors.attemptedUserName(e.getAuthentication());
        String failure = e.getException().getClass().getSimpleName();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failure", failure);
        data.put("authentication", e.getAuthentication().getClass().getSimpleName());
        if (attempted != null) {
            data.put("username", attempted);
        }
        String who = attempted == null ? "" : " for '" + attempted + "'";
        recorder.record(ActionType.LOGIN_FAILED, b -> requests.describe(b.status(Status.FAILED).source(Source.AUTH)
                .remarks("Login attempt failed" + who + requests.fromIp() + ": " + failure)
                .data(data)));
    }

    private void logout(Authentication auth, @Nullable String reason) {
        String actor = auth.getName();
        String remarks = reason == null ? actor + " logged out" + requests.fromIp() : actor + ": " + reason;
        recorder.record(ActionType.LOGOUT, b -> {
            b.actor(actor).source(Source.AUTH).remarks(remarks);
            if (reason == null) {
                requests.describe(b);
            } else {
                b.data(Map.of("reason", reason));
            }
        });
    }

    private void sessionDestroyed(SessionDestroyedEvent e) {
        // During a request the session is invalidated on purpose (logout, or the application); at
        // shutdown the container expires every session. Neither is an expiry.
        if (closing || requests.inRequest() || ActivityContext.active().isPresent()) {
            return;
        }
        for (SecurityContext context : e.getSecurityContexts()) {
            Authentication auth = context.getAuthentication();
            if (Actors.isAuthenticated(auth)) {
                logout(auth, "session expired");
            }
        }
    }
}
