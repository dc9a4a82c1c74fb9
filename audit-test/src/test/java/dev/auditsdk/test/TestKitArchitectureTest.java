package dev.auditsdk.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The layering of audit-test (module README, "Public types"). */
class TestKitArchitectureTest {
    /** This module's main classes only, not its dependencies' nor its tests. */
    private static final JavaClasses MODULE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    /** One slice per package (a {@code matching("dev.auditsdk.(**)")} pattern skips the root package). */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("dev.auditsdk")
                    ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of dev.auditsdk";
        }
    };

    @Test
    void dependsOnNoAdapterStoreOrFramework() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.jdbi..",
                        "org.springframework..",
                        "jakarta.servlet..",
                        "org.jdbi.."))
                .because("the contract suite tests every store through the SPI alone")
                .check(MODULE);
    }

    @Test
    void usesNoOtherModulesInternals() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("dev.auditsdk..internal..")
                        .and(not(resideInAPackage("dev.auditsdk.test..internal.."))))
                .because("other modules are used through their public API and documented SPI only")
                .check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MODULE);
    }
}
