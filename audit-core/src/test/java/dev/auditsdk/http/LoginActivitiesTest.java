// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Source;
import dev.auditsdk.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginActivitiesTest {
    private static final HttpActivityMapper MAPPER = HttpActivityMapper.builder()
            .trustedProxies(TrustedProxies.of("10.0.0.0/8"))
            .build();
    private static final LoginActivities LOGINS = MAPPER.logins();

    private static HttpRequestView req(String peer, Map<String, List<String>> headers) {
        return HttpRequestView.builder("POST", "/login")
                .remoteAddress(peer)
                .headers(HeaderLookup.of(headers))
                .build();
    }

    @Test
    void loginSucceededInTheSeedsWords() {
        ActivityLog log =
                LOGINS.loginSucceeded("alice", req("10.0.0.1", Map.of("X-Forwarded-For", List.of("198.51.100.4"))));
        assertThat(log.action()).isEqualTo(ActionType.LOGIN);
        assertThat(log.status()).isEqualTo(Status.SUCCESS);
        assertThat(log.source()).isEqualTo(Source.AUTH);
        assertThat(log.actor()).contains("alice");
        assertThat(log.loginName()).contains("alice");
        assertThat(log.remarks()).contains("alice is logged in with ip:198.51.100.4");
        assertThat(log.clientIp()).contains("198.51.100.4");
        assertThat(log.httpPath()).contains("/login");
    }

    @Test
    void loginFailedCleansTheUntrustedUsername() {
        String evil = "bob\r\nUser: admin <script>alert(1)</script>" + "x".repeat(1000);
        ActivityLog log = LOGINS.loginFailed(evil, req("203.0.113.7", Map.of()), "bad credentials");
        assertThat(log.action()).isEqualTo(ActionType.LOGIN_FAILED);
        assertThat(log.status()).isEqualTo(Status.FAILED);
        assertThat(log.actor()).isEmpty();
        assertThat(log.loginName().orElseThrow())
                .startsWith("bob\\r\\nUser: admin <script>")
                .hasSizeLessThanOrEqualTo(255)
                .isEqualTo(log.data().get("username"));
        String remarks = log.remarks().orElseThrow();
        assertThat(remarks)
                .startsWith("Login Attempt Failed for bob\\r\\nUser: admin <script>")
                .endsWith(" with ip: 203.0.113.7");
        assertThat(remarks).doesNotContain("\r", "\n").hasSizeLessThan(400);
        assertThat((String) log.data().get("username"))
                .hasSizeLessThanOrEqualTo(255)
                .doesNotContain("\n");
        assertThat(log.data()).containsEntry("reason", "bad credentials");
    }

    @Test
    void loginFailedWithoutUsername() {
        ActivityLog log = LOGINS.loginFailed(null, req("203.0.113.7", Map.of()), null);
        assertThat(log.remarks()).contains("Login Attempt Failed for None with ip: 203.0.113.7");
        assertThat(log.data()).isEmpty();
        assertThat(log.loginName()).isEmpty();
    }

    @Test
    void logoutAndSharedRequestIdWithinAContext() {
        HttpRequestView r = req("203.0.113.7", Map.of("X-Request-Id", List.of("abc")));
        try (ActivityContext.Scope scope = MAPPER.openContext(r)) {
            assertThat(scope.context().requestId()).contains("abc");
            ActivityLog log = LOGINS.logout("alice", req("203.0.113.8", Map.of()));
            assertThat(log.action()).isEqualTo(ActionType.LOGOUT);
            assertThat(log.loginName()).contains("alice");
            assertThat(log.remarks()).contains("alice is logged out with ip:203.0.113.7");
            assertThat(log.requestId()).contains("abc");
        }
    }

    @Test
    void outsideAnyRequestTheSameRemarksWithoutAnIp() {
        assertThat(LOGINS.loginSucceeded("alice", null).remarks()).contains("alice is logged in with ip:None");
        assertThat(LOGINS.logout("alice", null).remarks()).contains("alice is logged out with ip:None");
        ActivityLog failed = LOGINS.loginFailed("bob\n", null, "BadCredentialsException");
        assertThat(failed.remarks()).contains("Login Attempt Failed for bob\\n with ip: None");
        assertThat(failed.data())
                .containsEntry("username", "bob\\n")
                .containsEntry("reason", "BadCredentialsException");
        ActivityLog expired = LOGINS.sessionExpired("carol");
        assertThat(expired.action()).isEqualTo(ActionType.LOGOUT);
        assertThat(expired.remarks()).contains("carol's session expired");
        assertThat(expired.data()).containsEntry("reason", LoginActivities.SESSION_EXPIRED);
        for (ActivityLog log : List.of(failed, expired)) {
            assertThat(log.source()).isEqualTo(Source.AUTH);
            assertThat(log.clientIp()).isEmpty();
            assertThat(log.httpPath()).isEmpty();
            assertThat(log.requestId()).isEmpty();
        }
    }

    @Test
    void requestPathsLoseTheirPathParameters() {
        HttpRequestView view =
                HttpRequestView.builder("POST", "/login;jsessionid=ABC").build();
        assertThat(view.path()).isEqualTo("/login");
        assertThat(LOGINS.loginSucceeded("alice", view).httpPath()).contains("/login");
    }

    @Test
    void aLoginRecordCarriesTheTenantAResolverOnlyKnowsOnceTheCallerIsAuthenticated() {
        // like a claim: nothing before authentication, the tenant once the login has happened
        java.util.concurrent.atomic.AtomicReference<String> authenticated =
                new java.util.concurrent.atomic.AtomicReference<>();
        HttpActivityMapper mapper = HttpActivityMapper.builder()
                .tenants(TenantPolicy.of(request -> java.util.Optional.ofNullable(authenticated.get())))
                .build();
        HttpRequestView r = req("203.0.113.7", Map.of());
        try (ActivityContext.Scope scope = mapper.openContext(r)) {
            assertThat(scope.context().tenant()).isEmpty();
            authenticated.set("acme");

            ActivityLog login = mapper.logins().loginSucceeded("alice", r);

            assertThat(login.tenant()).contains("acme");
            // and the rest of the request's records carry it too
            assertThat(scope.context().tenant()).contains("acme");
        }
        // without any capture around the login, from the request alone
        assertThat(mapper.logins().loginSucceeded("alice", r).tenant()).contains("acme");
        authenticated.set(null);
        assertThat(mapper.logins().loginFailed("mallory", r, "bad credentials").tenant())
                .isEmpty();
    }
}
