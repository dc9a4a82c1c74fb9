// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring;

import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.Sanitizer;
import dev.auditsdk.spi.TransactionBinding;
import dev.auditsdk.test.AuditTrail;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The beans of {@link AutoConfigureAuditTrail}: the trail, its store as the application's audit
 * sink (so the adapter's JDBC and in-memory stores back off) and its recorder, primary, so the
 * adapter's recorder backs off and an application-defined one is not injected. Runs before the
 * adapter's auto-configurations, whose beans are all conditional on missing beans. Not in the
 * auto-configuration imports: only the annotation brings it.
 *
 * @since 0.1
 */
@AutoConfiguration(
        beforeName = {
            "dev.auditsdk.spring.boot.AuditJdbiAutoConfiguration",
            "dev.auditsdk.spring.boot.AuditRecorderAutoConfiguration"
        })
public class AuditTrailAutoConfiguration {
    /** For Spring. */
    public AuditTrailAutoConfiguration() {}

    /**
     * The trail, redacting like the application's recorder ({@code audit.redact-keys}) and, when
     * the adapter provides a transaction binding, holding records until their transaction commits
     * like it ({@link AuditTrail#pending()} shows them meanwhile).
     */
    @Bean
    AuditTrail auditTrail(Environment environment, ObjectProvider<TransactionBinding> transactions) {
        Sanitizer sanitizer = Binder.get(environment)
                .bind("audit.redact-keys", Bindable.listOf(String.class))
                .map((List<String> keys) -> Sanitizer.builder().redactKeys(keys).build())
                .orElseGet(Sanitizer::defaults);
        AuditTrail.Builder trail = AuditTrail.builder().sanitizer(sanitizer);
        transactions.ifUnique(trail::transactions);
        return trail.build();
    }

    /** The trail's store; the trail owns it. */
    @Bean(destroyMethod = "")
    InMemoryActivityStore auditTrailStore(AuditTrail trail) {
        return trail.store();
    }

    /** The trail's recorder; closed with the trail. */
    @Bean(destroyMethod = "")
    @Primary
    ActivityRecorder auditTrailRecorder(AuditTrail trail) {
        return trail.recorder();
    }
}
