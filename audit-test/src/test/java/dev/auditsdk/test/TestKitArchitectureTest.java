// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-test; the rules are core's {@code AuditArchitecture}. */
class TestKitArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void dependsOnNoAdapterOrStore() {
        neverDependsOn(
                        "the test kit works through core's API and SPI alone",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.jdbi..",
                        "jakarta.servlet..",
                        "org.jdbi..")
                .check(MODULE);
    }

    @Test
    void onlyTheSpringPackageUsesSpring() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.auditsdk.test.spring..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("Spring is optional in this module: users without it must be able to load every other class")
                .check(MODULE);
    }

    @Test
    void usesOtherModulesThroughTheirPublicApiOnly() {
        usesNoOtherModulesInternals("dev.auditsdk.test").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
