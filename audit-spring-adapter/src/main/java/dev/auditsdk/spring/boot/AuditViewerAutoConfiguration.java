// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.spring.web.ActivityReadController;
import dev.auditsdk.viewer.AuditViewerServlet;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The trail viewer of {@code audit-viewer} at {@code audit.viewer.path} (default {@code /audit}), when
 * {@code audit.viewer.enabled=true} and the read API is served: the same role as the read API, the
 * viewer's strict Content-Security-Policy on every answer. A plain servlet, outside the MVC capture,
 * so loading the page's files records nothing; its calls to the read API are recorded as reads.
 *
 * @since 0.1
 */
@AutoConfiguration(after = AuditReadApiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "dev.auditsdk.viewer.AuditViewerServlet")
@ConditionalOnBooleanProperty(name = "audit.viewer.enabled")
@ConditionalOnBean(ActivityReadController.class)
public class AuditViewerAutoConfiguration {
    /** The viewer's servlet at the configured path. */
    @Bean
    @ConditionalOnMissingBean(name = "auditViewerServlet")
    ServletRegistrationBean<AuditViewerServlet> auditViewerServlet(AuditProperties properties) {
        String path = properties.getViewer().getPath();
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        AuditProperties.ReadApi api = properties.getWeb().getReadApi();
        ServletRegistrationBean<AuditViewerServlet> bean =
                new ServletRegistrationBean<>(AuditViewerServlet.of(api.getPath(), api.getRole()), base, base + "/*");
        bean.setName("auditViewerServlet");
        return bean;
    }
}
