// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring;

import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-spring-adapter (module README, "Public types"); the rules are core's {@code AuditArchitecture}. */
class SpringArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void neverImportsAnotherAdapter() {
        neverDependsOn("adapters never import each other (DESIGN.md section 1)", "dev.auditsdk.servlet..")
                .check(MODULE);
    }

    @Test
    void usesOtherModulesThroughTheirPublicApiOnly() {
        usesNoOtherModulesInternals("dev.auditsdk.spring").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
