// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate;

import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-hibernate: the rules are core's {@code AuditArchitecture}. */
class HibernateArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void dependsOnNoAdapterOrStore() {
        neverDependsOn(
                        "entity changes go through the recorder, to whatever store it has",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.jdbi..",
                        "org.springframework..")
                .check(MODULE);
    }

    @Test
    void usesOtherModulesThroughTheirPublicApiOnly() {
        usesNoOtherModulesInternals("dev.auditsdk.hibernate").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
