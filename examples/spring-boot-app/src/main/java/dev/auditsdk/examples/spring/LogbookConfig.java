// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.zalando.logbook.Logbook;
import org.zalando.logbook.core.DefaultHttpLogWriter;
import org.zalando.logbook.core.DefaultSink;
import org.zalando.logbook.json.JsonHttpLogFormatter;
import org.zalando.logbook.servlet.LogbookFilter;

/**
 * Zalando Logbook as a user would add it for request logging instead of an audit trail: every
 * request and response as JSON (Logbook's defaults: headers and bodies, {@code Authorization}
 * obfuscated) through SLF4J and Logback into {@code requests.jsonl} in the data directory
 * ({@code logback-spring.xml}). On only with the {@code logbook} profile; the load run compares
 * it with the SDK in the same application (run with {@code --audit.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("logbook")
class LogbookConfig {
    @Bean
    FilterRegistrationBean<LogbookFilter> logbookFilter() {
        // Logbook's default form mode (body) consumes a form POST's stream, so Spring Security then finds no
        // _csrf parameter at sign-in (403); "parameter" logs the form from the parameters instead. Logbook's
        // Boot starter offers the same choice as logbook.filter.form-request-mode; this is the servlet module's switch.
        System.setProperty("logbook.servlet.form-request", "parameter");
        Logbook logbook = Logbook.builder()
                .sink(new DefaultSink(new JsonHttpLogFormatter(), new DefaultHttpLogWriter()))
                .build();
        FilterRegistrationBean<LogbookFilter> registration = new FilterRegistrationBean<>(new LogbookFilter(logbook));
        // outermost, as Logbook's own auto-configuration places it: it sees what security answers too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
