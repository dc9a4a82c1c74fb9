// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot3;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.spring.web.AuditActivity;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot 3.5 application using the adapter (built against Boot 4) unchanged. */
@SpringBootApplication
public class Boot3Application {
    static final String PASSWORD = "boot3-Passw0rd";

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                .formLogin(f -> f.successHandler((req, res, auth) -> res.setStatus(200)));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice")
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("auditor")
                        .password("{noop}" + PASSWORD)
                        .roles("AUDITOR")
                        .build());
    }

    @RestController
    static class NotesController {
        @PostMapping("/api/notes")
        @ResponseStatus(HttpStatus.CREATED)
        String create() {
            ActivityContext.current().target("Note", 1);
            return "created";
        }

        @GetMapping("/api/notes/{id}")
        @AuditActivity(remarks = "{user} read note {id}", targetType = "Note")
        String get(@PathVariable String id) {
            return id;
        }
    }
}
