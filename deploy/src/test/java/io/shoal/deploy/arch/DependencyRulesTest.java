package io.shoal.deploy.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.shoal.deploy.arch.violation.CallsRuntimeExec;
import io.shoal.deploy.arch.violation.DependsOnDeploy;
import io.shoal.deploy.arch.violation.SpawnsProcess;
import io.shoal.deploy.arch.violation.linux.RunsCommand;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * STYLE.md rule 3, checked by the build: the dependency rules of ARCHITECTURE.md over the main code
 * of every module. This module depends on all of them, so its test classpath holds every shipped
 * class (jars, or target/classes in a reactor build).
 *
 * <p>What is not checked, and why:
 * <ul>
 *   <li>Test classes ({@code target/test-classes}): tests may start a real {@code shoald} or the
 *       {@code docker} CLI as processes, which is what an end-to-end test is for.</li>
 *   <li>{@code io.shoal.testkit}: test support (fixtures, fakes of the host ports, contract tests
 *       that may drive the real host tools under {@code @Tag("root")}, the cluster simulation). It
 *       reaches the distribution only as the engine of {@code shoal-bench simulate}, through the
 *       benchmarks module, and is held to the rules of test code, not of the product.</li>
 * </ul>
 * Generated protobuf classes are checked like the rest: they share {@code io.shoal.api.proto} with
 * the hand-written mappers and depend on {@code com.google.protobuf} only, so they pass every rule.
 * Nothing else is exempt: the launchers are shell scripts, and neither {@code shoald}'s entry point
 * nor the CLI needs to spawn a process. Code that must run a host command belongs in a
 * {@code ..linux..} adapter behind a {@code host/} port (STYLE.md rule 10); an exemption added here
 * says why in a comment beside it.
 */
class DependencyRulesTest {

    /** Logic that must stay plain Java: unit-tested and benchmarked without a cluster (rule 2). */
    static final String[] PURE = {"io.shoal.api..", "io.shoal.scheduler..", "io.shoal.compose.."};
    static final String HOST_ADAPTERS = "..linux..";

    static JavaClasses shoal;

    @BeforeAll
    static void importShoal() {
        shoal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/shoal/testkit/"))
                .importPackages("io.shoal");
    }

    @Test
    void the_import_sees_every_shipped_module() {
        // Guards against a vacuous pass: every rule below is satisfied by an empty import.
        Stream.of("io.shoal.api", "io.shoal.scheduler", "io.shoal.manager", "io.shoal.worker", "io.shoal.cli", "io.shoal.deploy")
                .forEach(module -> assertThat(shoal.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                        .as("classes of %s on the test classpath", module)
                        .isTrue());
        assertThat(shoal.stream().map(JavaClass::getName))
                .as("test classes are not imported")
                .doesNotContain(DependencyRulesTest.class.getName(), SpawnsProcess.class.getName());
    }

    @Test
    void pure_modules_do_not_use_akka() {
        noAkkaIn(PURE).check(shoal);
    }

    @Test
    void only_linux_adapters_spawn_processes() {
        noProcessSpawningOutside(HOST_ADAPTERS).check(shoal);
    }

    @Test
    void only_linux_adapters_use_jna() {
        noJnaOutside(HOST_ADAPTERS).check(shoal);
    }

    @Test
    void api_depends_on_no_other_shoal_module() {
        onlyOwnShoalPackages("io.shoal.api..").check(shoal);
    }

    @ParameterizedTest(name = "{0} uses only: {1}")
    @CsvSource(delimiter = '|', value = {
        // module             | the io.shoal modules it may use (ARCHITECTURE.md's table)
        "io.shoal.compose..   | ",
        "io.shoal.scheduler.. | io.shoal.api..",
        "io.shoal.engine..    | io.shoal.api..",
        "io.shoal.net..       | io.shoal.api..",
        "io.shoal.worker..    | io.shoal.api.. io.shoal.engine.. io.shoal.net..",
        // manager → overlay-net's pure ipam only: IPAM is centralized on the managers (issue 7).
        "io.shoal.manager..   | io.shoal.api.. io.shoal.scheduler.. io.shoal.compose.. io.shoal.net.ipam..",
        "io.shoal.cli..       | io.shoal.api.. io.shoal.compose..",
    })
    void modules_use_only_the_modules_they_build_on(String module, String allowed) {
        // A module may still be a skeleton with no classes (allowEmptyShould); the import check
        // above keeps the suite as a whole from passing vacuously. Only deploy and benchmarks,
        // which assemble everything, may use any module.
        String[] uses = allowed == null ? new String[0] : allowed.trim().split("\\s+");
        onlyOwnShoalPackages(module, uses).allowEmptyShould(true).check(shoal);
    }

    // The rules must be able to fail: each is run on a class that breaks it (test code, never shipped).

    @Test
    void a_process_spawned_outside_linux_is_reported() {
        JavaClasses bad = new ClassFileImporter().importClasses(SpawnsProcess.class, CallsRuntimeExec.class, RunsCommand.class);
        assertThat(noProcessSpawningOutside(HOST_ADAPTERS).evaluate(bad).getFailureReport().getDetails())
                .anyMatch(line -> line.contains(SpawnsProcess.class.getName()) && line.contains("ProcessBuilder"))
                .anyMatch(line -> line.contains(CallsRuntimeExec.class.getName()) && line.contains("Runtime.exec"))
                .noneMatch(line -> line.contains(RunsCommand.class.getName()));
    }

    @Test
    void a_dependency_on_another_module_is_reported() {
        JavaClasses bad = new ClassFileImporter().importClasses(DependsOnDeploy.class);
        assertThat(onlyOwnShoalPackages("io.shoal.deploy.arch.violation..").evaluate(bad).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("io.shoal.deploy.Shoald"));
    }

    @Test
    void akka_in_a_pure_package_is_reported() {
        JavaClasses bad = new ClassFileImporter().importClasses(DependsOnDeploy.class);
        assertThat(noAkkaIn("io.shoal.deploy.arch.violation..").evaluate(bad).hasViolation()).isTrue();
    }

    static ArchRule noAkkaIn(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAPackage("akka..")
                .because("placement, compose and spec validation are plain Java, tested and benchmarked without a cluster (STYLE.md rule 2)");
    }

    static ArchRule noProcessSpawningOutside(String adapters) {
        return noClasses().that().resideOutsideOfPackage(adapters)
                .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .orShould().callMethodWhere(describe("Runtime.exec", DependencyRulesTest::isRuntimeExec))
                .because("host commands run only in linux/ adapters behind host/ ports, so the logic is tested with fakes (STYLE.md rule 10)");
    }

    static ArchRule noJnaOutside(String adapters) {
        return noClasses().that().resideOutsideOfPackage(adapters)
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .because("native calls (mount(2), netlink) happen only in linux/ adapters (STYLE.md rule 10)");
    }

    /** Classes of {@code module} use no io.shoal package but their own and {@code allowed}. */
    static ArchRule onlyOwnShoalPackages(String module, String... allowed) {
        var foreign = resideInAPackage("io.shoal..").and(resideOutsideOfPackage(module));
        for (String a : allowed) {
            foreign = foreign.and(resideOutsideOfPackage(a));
        }
        return noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat(foreign)
                .because("ARCHITECTURE.md's module table: what a module may depend on");
    }

    private static boolean isRuntimeExec(JavaMethodCall call) {
        return call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec");
    }
}
