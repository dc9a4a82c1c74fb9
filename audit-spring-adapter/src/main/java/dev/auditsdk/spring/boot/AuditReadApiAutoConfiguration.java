package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.http.ReadScopeResolver;
import dev.auditsdk.read.ActivityReadHandler;
import dev.auditsdk.spi.ActivityStore;
import dev.auditsdk.spring.web.ActivityReadController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The read API {@code GET /api/activity} (listing, count, export, verification, one record), when {@code audit.web.read-api.enabled=true} and the sink
 * is a store (not {@code audit.store=log}).
 *
 * @since 0.1
 */
@AutoConfiguration(after = {AuditRecorderAutoConfiguration.class, AuditTenantAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty(name = "audit.web.read-api.enabled")
@ConditionalOnBean({ActivityRecorder.class, ActivityStore.class})
public class AuditReadApiAutoConfiguration {
    /** The framework-neutral read API both adapters serve; replace it to change its limits. */
    @Bean
    @ConditionalOnMissingBean
    ActivityReadHandler activityReadHandler(
            ActivityStore store, ActivityRecorder recorder, AuditProperties properties) {
        return ActivityReadHandler.builder(store)
                .recorder(recorder)
                .role(properties.getWeb().getReadApi().getRole())
                .build();
    }

    /** The controller. */
    @Bean
    @ConditionalOnMissingBean
    ActivityReadController activityReadController(ActivityReadHandler handler, ReadScopeResolver scopes) {
        return ActivityReadController.of(handler, scopes);
    }
}
