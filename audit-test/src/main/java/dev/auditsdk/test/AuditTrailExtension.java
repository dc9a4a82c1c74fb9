// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test a fresh {@link AuditTrail}, closed after the test. Declare a parameter of type
 * {@code AuditTrail} on the test method, a {@code @BeforeEach} or an {@code @AfterEach} method:
 * within one test they all receive the same trail.
 *
 * <pre>{@code
 * @ExtendWith(AuditTrailExtension.class)
 * class InvoiceServiceTest {
 *     @Test
 *     void approvingIsAudited(AuditTrail trail) {
 *         new InvoiceService(trail.recorder()).approve("INV-1");
 *         assertThat(trail).hasRecorded(ActionType.of("Approve")).on("Invoice", "INV-1");
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class AuditTrailExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AuditTrailExtension.class);

    /** For JUnit, which instantiates extensions reflectively. */
    public AuditTrailExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AuditTrail.class;
    }

    /**
     * The trail of the current test, made on first use.
     *
     * @throws ParameterResolutionException outside a test method's lifecycle (constructor, {@code @BeforeAll})
     */
    @Override
    public AuditTrail resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (!(parameter.getDeclaringExecutable() instanceof Method)
                || context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("An AuditTrail belongs to one test: declare it on a @Test, "
                    + "@BeforeEach or @AfterEach method, not on " + parameter.getDeclaringExecutable());
        }
        // get + put: JUnit 6 deprecates getOrComputeIfAbsent, and computeIfAbsent is missing from older JUnit 5
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        AuditTrail trail = store.get(AuditTrail.class, AuditTrail.class);
        if (trail == null) {
            trail = AuditTrail.create();
            store.put(AuditTrail.class, trail);
        }
        return trail;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AuditTrail trail = context.getStore(NAMESPACE).remove(AuditTrail.class, AuditTrail.class);
        if (trail != null) {
            trail.close();
        }
    }
}
