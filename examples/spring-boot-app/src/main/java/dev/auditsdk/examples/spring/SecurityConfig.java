// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import dev.auditsdk.http.TenantResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for browsers, HTTP Basic for scripts. Writers may change posts, everyone signed in
 * may read them, and only the AUDITOR role sees the activity trail, its viewer and its export.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    /** No inline script or style anywhere: the viewer's code comes from files the app serves. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Bean
    DemoUsers demoUsers(@Value("${blog.demo-password:}") String fixedPassword) {
        return new DemoUsers(fixedPassword);
    }

    /**
     * The tenant of a request: the signed-in user's (the application's own function; with a JWT,
     * {@code audit.tenants.claim} does the same without code). Its presence turns tenants on: every
     * record is stamped, and every read of the trail is limited to the reader's tenant.
     */
    @Bean
    TenantResolver tenantOfUser() {
        return view -> view.unwrap(HttpServletRequest.class)
                .map(HttpServletRequest::getRemoteUser)
                .map(DemoUsers.TENANTS::get);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(DemoUsers demo, PasswordEncoder encoder) {
        var manager = new InMemoryUserDetailsManager();
        for (String name : demo.names()) {
            manager.createUser(User.withUsername(name)
                    .password(encoder.encode(demo.password(name)))
                    .roles(Objects.requireNonNull(DemoUsers.ROLES.get(name), name)
                            .toArray(String[]::new))
                    .build());
        }
        return manager;
    }

    @Bean
    SecurityFilterChain blogSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/", "/index.html", "/site.css", "/favicon.ico", "/error", "/login", "/api/csrf")
                        .permitAll()
                        .requestMatchers("/audit", "/audit/**", "/api/activity", "/api/activity/**")
                        .hasRole(DemoUsers.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/articles", "/api/posts", "/api/posts/**")
                        .authenticated()
                        .requestMatchers("/api/posts", "/api/posts/**")
                        .hasRole(DemoUsers.WRITER)
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .httpBasic(Customizer.withDefaults())
                // The default success URL, /login?logout, is answered by the generated login page
                // ("You have been signed out") only while it is not set explicitly: naming it here
                // would make Spring Security treat it as the application's own page, and 404.
                .logout(Customizer.withDefaults())
                // Scripts that send credentials with every request (HTTP Basic) carry no session
                // cookie a forged cross-site request could ride on, so they need no CSRF token.
                // Browser sessions from form login keep CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
