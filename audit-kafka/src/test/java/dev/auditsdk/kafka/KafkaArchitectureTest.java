package dev.auditsdk.kafka;

import static dev.auditsdk.architecture.AuditArchitecture.moduleClasses;
import static dev.auditsdk.architecture.AuditArchitecture.neverDependsOn;
import static dev.auditsdk.architecture.AuditArchitecture.packagesFreeOfCycles;
import static dev.auditsdk.architecture.AuditArchitecture.usesNoOtherModulesInternals;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The layering of audit-kafka; the rules are core's {@code AuditArchitecture}. */
class KafkaArchitectureTest {
    private static final JavaClasses MODULE = moduleClasses();

    @Test
    void dependsOnNoAdapterOrWebFramework() {
        neverDependsOn(
                        "the sink and loader serve every adapter, so they know none of them",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "jakarta.servlet..",
                        "org.springframework..")
                .check(MODULE);
    }

    @Test
    void usesOtherModulesThroughTheirPublicApiOnly() {
        usesNoOtherModulesInternals("dev.auditsdk.kafka").check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles().check(MODULE);
    }
}
