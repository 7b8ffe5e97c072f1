package io.shoal.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scheduler stays pure (STYLE rules 2 and 3): no Akka, no api model, no I/O, no clock, no shared randomness. */
class PurityTest {
    private static final JavaClasses SCHEDULER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoal.scheduler");

    @Test
    void noAkkaNoApiModelNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("akka..", "io.shoal.api..", "java.io..",
                "java.nio..", "java.net..", "java.time..", "java.util.concurrent..").check(SCHEDULER);
    }

    @Test
    void noClockAndNoUnseededRandomness() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .check(SCHEDULER);
    }
}
