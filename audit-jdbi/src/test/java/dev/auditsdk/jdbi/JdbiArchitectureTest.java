package dev.auditsdk.jdbi;

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

/** The layering of audit-jdbi (module README, "Public types"). */
class JdbiArchitectureTest {
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
    void dependsOnNoAdapterOrWebFramework() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "jakarta.servlet..",
                        "org.springframework.."))
                .because("a store serves every adapter, so it knows none of them")
                .check(MODULE);
    }

    @Test
    void usesNoOtherModulesInternals() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("dev.auditsdk..internal..")
                        .and(not(resideInAPackage("dev.auditsdk.jdbi..internal.."))))
                .because("other modules are used through their public API and documented SPI only")
                .check(MODULE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MODULE);
    }
}
