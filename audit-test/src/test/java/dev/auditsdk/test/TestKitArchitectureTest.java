package dev.auditsdk.test;

import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-test (module README, "Public types"); the rules are core's {@code AuditArchitecture}. */
class TestKitArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void dependsOnNoAdapterStoreOrFramework() {
        neverDependsOn(
                        "the contract suite tests every store through the SPI alone",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.jdbi..",
                        "org.springframework..",
                        "jakarta.servlet..",
                        "org.jdbi..")
                .check(MODULE);
    }

    @Test
    void usesNoOtherModulesInternals() {
        usesNoOtherModulesInternals("dev.auditsdk.test").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
