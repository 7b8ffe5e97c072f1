package io.shoal.net;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE rules 2, 3 and 10 for this module, checked by the build. */
class DependencyRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoal.net");

    @Test
    void onlyLinuxAdaptersStartProcessesOrUseJna() {
        noClasses().that().resideOutsideOfPackage("io.shoal.net.linux..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Process.class.getName())
                .orShould().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(MAIN);
    }

    @Test
    void ipamPlansAndRulesArePure() {
        noClasses().that().resideInAnyPackage("io.shoal.net.ipam..", "io.shoal.net.plan..", "io.shoal.net.lb..")
                .should().dependOnClassesThat().resideInAnyPackage("akka..", "java.io..", "java.nio.file..", "java.net..",
                        "io.shoal.net.linux..", "io.shoal.net.host..", "io.shoal.net.dns..")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(MAIN);
    }

    @Test
    void noAkkaInTheModule() {
        noClasses().should().dependOnClassesThat().resideInAPackage("akka..").check(MAIN);
    }
}
