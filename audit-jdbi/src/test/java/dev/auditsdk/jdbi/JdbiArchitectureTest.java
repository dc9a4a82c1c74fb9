// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-jdbi (module README, "Public types"); the rules are core's {@code AuditArchitecture}. */
class JdbiArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void dependsOnNoAdapterOrWebFramework() {
        neverDependsOn(
                        "a store serves every adapter, so it knows none of them",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "jakarta.servlet..",
                        "org.springframework..")
                .check(MODULE);
    }

    @Test
    void usesOtherModulesThroughTheirPublicApiOnly() {
        usesNoOtherModulesInternals("dev.auditsdk.jdbi").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
