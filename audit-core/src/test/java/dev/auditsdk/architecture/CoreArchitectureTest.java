package dev.auditsdk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.auditsdk.ActivityRecorder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layering of audit-core (module README, "Public types"): core knows no framework, no JDBC,
 * and no package cycle beyond the two documented ones.
 */
class CoreArchitectureTest {
    /** This module's main classes only, not its dependencies' nor its tests. */
    static final JavaClasses CORE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    /**
     * One slice per package. {@code slices().matching("dev.auditsdk.(**)")} would leave the root
     * package {@code dev.auditsdk} out of every slice, hiding exactly the cycles through it.
     */
    static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
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
    void coreDependsOnlyOnTheJdkSlf4jAndJackson() {
        classes()
                .that()
                .resideInAPackage("dev.auditsdk..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "dev.auditsdk..", "org.slf4j..", "com.fasterxml.jackson..", "org.jspecify..")
                .because("core knows no framework, no database driver and no pool (CONVENTIONS.md)")
                .check(CORE);
    }

    @Test
    void coreUsesNoJdbc() {
        noClasses()
                .that()
                .resideInAPackage("dev.auditsdk..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .because("stores own their JDBC; core classifies failures without java.sql")
                .check(CORE);
    }

    @Test
    void coreDependsOnNoOtherAuditModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.auditsdk..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                        "dev.auditsdk.jdbi..",
                        "dev.auditsdk.servlet..",
                        "dev.auditsdk.spring..",
                        "dev.auditsdk.test.."))
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
        slices().assignedFrom(BY_PACKAGE)
                .should()
                .beFreeOfCycles()
                .ignoreDependency(resideInAPackage("dev.auditsdk.spi"), resideInAPackage("dev.auditsdk"))
                .ignoreDependency(
                        type(ActivityRecorder.Builder.class),
                        resideInAnyPackage("dev.auditsdk.internal..", "dev.auditsdk.integrity"))
                .check(CORE);
    }
}
