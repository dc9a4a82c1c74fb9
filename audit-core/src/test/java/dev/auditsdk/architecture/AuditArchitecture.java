// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.nio.file.Path;

/**
 * The layering rules every library module checks (each module's {@code *ArchitectureTest}); shared
 * through audit-core's test jar so that the rules are written once.
 */
public final class AuditArchitecture {
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

    private AuditArchitecture() {}

    /** The main classes of the module under test only: not its dependencies, not its tests. */
    public static JavaClasses moduleClasses() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /** No cycle between the packages of dev.auditsdk. */
    public static SliceRule packagesFreeOfCycles() {
        return slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();
    }

    /** No class depends on classes in {@code packages}. */
    public static ArchRule neverDependsOn(String because, String... packages) {
        return noClasses()
                .should()
                .dependOnClassesThat(resideInAnyPackage(packages))
                .because(because);
    }

    /** No class depends on an {@code internal} package of another module than the one under {@code ownBase}. */
    public static ArchRule usesNoOtherModulesInternals(String ownBase) {
        return noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("dev.auditsdk..internal..")
                        .and(not(resideInAPackage(ownBase + "..internal.."))))
                .because("other modules are used through their public API and documented SPI only");
    }
}
