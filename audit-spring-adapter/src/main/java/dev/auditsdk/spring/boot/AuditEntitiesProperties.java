// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

/**
 * {@code audit.entities.*}: field-level change records of {@code @AuditedEntity} JPA entities, when
 * dev.auditsdk:audit-hibernate and Hibernate are on the classpath.
 *
 * @since 0.2
 */
public class AuditEntitiesProperties {
    /**
     * Whether the changes of {@code @AuditedEntity} entities are recorded. On by default: adding
     * audit-hibernate is the opt-in, and only annotated entities are recorded.
     */
    private boolean enabled = true;

    /** The value of {@code audit.entities.enabled}. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets {@code audit.entities.enabled}. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
