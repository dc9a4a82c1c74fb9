// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.HttpRequestView;
import dev.auditsdk.http.TenantPolicy;
import dev.auditsdk.http.TenantResolver;
import dev.auditsdk.spring.web.ServletViews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class SpringSecurityTenantsTest {
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
    private final HttpRequestView view = ServletViews.of(request);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    private static UsernamePasswordAuthenticationToken user(String name, Object details) {
        UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(
                name, "n/a", AuthorityUtils.createAuthorityList("ROLE_USER"));
        auth.setDetails(details);
        return auth;
    }

    @Test
    void readsAJwtClaimOfTheCurrentCaller() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject("alice")
                .claim("org", "acme")
                .claim("groups", List.of("acme", "globex"))
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .expiresAt(Instant.parse("2036-01-01T00:00:00Z"))
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_USER")));

        assertThat(SpringSecurityTenants.claim("org").resolve(view)).contains("acme");
        // a list names no single tenant; an absent claim none
        assertThat(SpringSecurityTenants.claim("groups").resolve(view)).isEmpty();
        assertThat(SpringSecurityTenants.claim("tenant").resolve(view)).isEmpty();
    }

    @Test
    void readsAnAuthenticationDetailsEntryAndPlainNumbers() {
        SecurityContextHolder.getContext().setAuthentication(user("bob", Map.of("tenant", "globex", "orgId", 42)));

        assertThat(SpringSecurityTenants.claim("tenant").resolve(view)).contains("globex");
        assertThat(SpringSecurityTenants.claim("orgId").resolve(view)).contains("42");
    }

    @Test
    void withoutACallerThereIsNoTenant() {
        assertThat(SpringSecurityTenants.claim("tenant").resolve(view)).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(user("bob", "not a map"));
        assertThat(SpringSecurityTenants.claim("tenant").resolve(view)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> SpringSecurityTenants.claim(" "));
    }

    @Test
    void aLoginRecordCarriesTheTenantOfTheClaimAndOfTheApplicationsFunction() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        for (TenantResolver resolver : List.of(
                SpringSecurityTenants.claim("tenant"),
                // the application's own function, reading the caller the same way
                (TenantResolver) r -> TenantResolver.valid(
                        SecurityContextHolder.getContext().getAuthentication() == null
                                ? null
                                : SecurityContextHolder.getContext()
                                                .getAuthentication()
                                                .getName()
                                                .equals("carol")
                                        ? "acme"
                                        : null))) {
            InMemoryActivityStore store = InMemoryActivityStore.create();
            try (ActivityRecorder recorder = ActivityRecorder.builder()
                    .store(store)
                    .mode(RecorderMode.SYNC)
                    .build()) {
                AuditAuthenticationListener listener = AuditAuthenticationListener.create(
                        recorder,
                        HttpActivityMapper.builder()
                                .tenants(TenantPolicy.of(resolver))
                                .build());

                // the event comes before the security context holds the new authentication
                listener.onApplicationEvent(
                        new InteractiveAuthenticationSuccessEvent(user("carol", Map.of("tenant", "acme")), getClass()));

                assertThat(SecurityContextHolder.getContext().getAuthentication())
                        .isNull();
            }
            assertThat(store.all())
                    .singleElement()
                    .satisfies(l -> {
                        assertThat(l.action()).isEqualTo(ActionType.LOGIN);
                        assertThat(l.tenant()).as(resolver.toString()).contains("acme");
                    })
                    .extracting(ActivityLog::actor)
                    .isEqualTo(java.util.Optional.of("carol"));
        }
    }
}
