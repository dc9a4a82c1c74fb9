// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.spring.security.AuditAuthenticationListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Records logins, failed logins and logouts from Spring Security's events, and session expiry
 * when the application is a servlet web application. Needs the servlet API and spring-web: the
 * listener reads the current servlet request (reactive Spring Security publishes no such events).
 *
 * @since 0.1
 */
@AutoConfiguration(after = AuditRecorderAutoConfiguration.class)
@ConditionalOnClass(
        name = {
            "org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent",
            "org.springframework.web.context.request.RequestContextHolder",
            "jakarta.servlet.http.HttpServletRequest"
        })
@ConditionalOnBean(ActivityRecorder.class)
@ConditionalOnBooleanProperty(name = "audit.security.enabled", matchIfMissing = true)
public class AuditSecurityAutoConfiguration {
    /** The listener. */
    @Bean
    @ConditionalOnMissingBean
    AuditAuthenticationListener auditAuthenticationListener(ActivityRecorder recorder, HttpActivityMapper mapper) {
        return AuditAuthenticationListener.create(recorder, mapper);
    }

    /** Makes the servlet container's session events Spring events, so timed-out sessions can be recorded. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.web.session.HttpSessionEventPublisher")
    @ConditionalOnBooleanProperty(name = "audit.security.session-expiry", matchIfMissing = true)
    static class SessionExpiry {
        @Bean
        @ConditionalOnMissingBean(
                value = HttpSessionEventPublisher.class,
                parameterizedContainer = ServletListenerRegistrationBean.class)
        ServletListenerRegistrationBean<HttpSessionEventPublisher> auditHttpSessionEventPublisher() {
            return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
        }
    }
}
