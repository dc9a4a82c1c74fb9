// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.auditsdk.ActivityRecorder;
import org.junit.jupiter.api.Test;

/**
 * The layering of audit-core (README, "Public types" and "Package dependencies"): core knows no
 * framework and no JDBC, and has no package cycle beyond the two documented ones.
 */
class CoreArchitectureTest {
    private static final JavaClasses CORE = moduleClasses();

    /** javax.crypto is the JDK's (the keyed fingerprints of masked changes). */
    @Test
    void coreDependsOnlyOnTheJdkSlf4jAndJackson() {
        classes()
                .that()
                .resideInAPackage("dev.auditsdk..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.crypto..",
                        "dev.auditsdk..",
                        "org.slf4j..",
                        "com.fasterxml.jackson..",
                        "org.jspecify..")
                .because("core knows no framework, no database driver and no pool (CONVENTIONS.md)")
                .check(CORE);
    }

    @Test
    void coreUsesNoJdbc() {
        neverDependsOn("stores own their JDBC; core classifies failures without java.sql", "java.sql..", "javax.sql..")
                .check(CORE);
    }

    @Test
    void coreDependsOnNoOtherAuditModule() {
        neverDependsOn(
                        "core is what the other modules build on",
                        "dev.auditsdk.jdbi..",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.test..")
                .check(CORE);
    }

    /**
     * No package cycles, except two kept on purpose (README "Package dependencies"): the SPI
     * speaks the model ({@code spi → dev.auditsdk}) while the recorder's builder accepts a sink
     * ({@code dev.auditsdk → spi}); and {@link ActivityRecorder.Builder} is the composition root:
     * {@code build()} constructs the internal pipeline and takes the checkpoint configuration,
     * whose verifier in turn reads records.
     */
    @Test
    void packagesAreFreeOfCyclesBeyondTheDocumentedOnes() {
        packagesFreeOfCycles()
                .ignoreDependency(resideInAPackage("dev.auditsdk.spi"), resideInAPackage("dev.auditsdk"))
                .ignoreDependency(
                        type(ActivityRecorder.Builder.class),
                        resideInAnyPackage("dev.auditsdk.internal..", "dev.auditsdk.integrity"))
                .check(CORE);
    }
}
