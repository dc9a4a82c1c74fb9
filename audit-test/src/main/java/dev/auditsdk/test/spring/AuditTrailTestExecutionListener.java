// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring;

import dev.auditsdk.test.AuditTrail;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Clears the {@link AuditTrail} of a Spring test's application context before each test method, so
 * that tests sharing a cached context do not see each other's records. Registered through
 * {@code META-INF/spring.factories}; does nothing for contexts without a trail.
 *
 * @since 0.1
 */
public final class AuditTrailTestExecutionListener implements TestExecutionListener, Ordered {
    /** For Spring, which instantiates listeners reflectively. */
    public AuditTrailTestExecutionListener() {}

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(AuditTrail.class)
                    .ifAvailable(AuditTrail::clear);
        }
    }

    /** Late, after the listeners that prepare the context and the test instance. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
