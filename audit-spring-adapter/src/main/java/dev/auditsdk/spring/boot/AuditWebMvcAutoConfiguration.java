// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.spring.web.AuditHandlerInterceptor;
import dev.auditsdk.spring.web.AuditRequestFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Spring MVC capture: the {@link AuditHandlerInterceptor} (registered through a
 * {@link WebMvcConfigurer}) and the {@link AuditRequestFilter} in front of the security filter chain.
 *
 * @since 0.1
 */
@AutoConfiguration(after = AuditRecorderAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
@ConditionalOnBean({ActivityRecorder.class, HttpActivityMapper.class})
@ConditionalOnBooleanProperty(name = "audit.web.enabled", matchIfMissing = true)
public class AuditWebMvcAutoConfiguration {
    /** Before Spring Security's filter chain (-100), after the request-context filter (-105). */
    static final int FILTER_ORDER = -104;

    /** The interceptor. */
    @Bean
    @ConditionalOnMissingBean
    AuditHandlerInterceptor auditHandlerInterceptor(
            ActivityRecorder recorder, HttpActivityMapper mapper, AuditProperties properties) {
        return AuditHandlerInterceptor.create(
                recorder, mapper, properties.getWeb().getMode() == AuditProperties.WebMode.ANNOTATED);
    }

    /** Registers the interceptor with Spring MVC. */
    @Bean
    @ConditionalOnMissingBean(name = "auditWebMvcConfigurer")
    WebMvcConfigurer auditWebMvcConfigurer(AuditHandlerInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    /** The filter, registered for every request. */
    @Bean
    @ConditionalOnMissingBean(value = AuditRequestFilter.class, parameterizedContainer = FilterRegistrationBean.class)
    FilterRegistrationBean<AuditRequestFilter> auditRequestFilter(
            ActivityRecorder recorder, HttpActivityMapper mapper, AuditProperties properties) {
        FilterRegistrationBean<AuditRequestFilter> registration = new FilterRegistrationBean<>(
                AuditRequestFilter.create(recorder, mapper, properties.getWeb().isRecordDenied()));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
