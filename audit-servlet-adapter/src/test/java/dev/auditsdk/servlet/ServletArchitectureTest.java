// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-servlet-adapter (module README, "Public types"); the rules are core's {@code AuditArchitecture}. */
class ServletArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void neverImportsAnotherAdapterOrAStore() {
        neverDependsOn(
                        "an adapter only translates its framework into core; it never imports another adapter",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.jdbi..",
                        "org.springframework..",
                        "org.jdbi..",
                        "java.sql..",
                        "javax.sql..")
                .check(MODULE);
    }

    @Test
    void usesOtherModulesThroughTheirPublicApiOnly() {
        usesNoOtherModulesInternals("dev.auditsdk.servlet").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
