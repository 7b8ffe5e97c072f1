package io.shoal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.bundle.RuntimeSpec;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.testing.RootEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused before anything is made: an {@link EngineException} of kind INVALID or NOT_FOUND naming what
 * is wrong, and no container directory, volume, mount, runc container or cgroup left behind.
 */
@Tag("root")
class BadInputRootTest {

    private RootEngine r;

    @BeforeEach
    void setUp() throws Exception {
        r = RootEngine.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (r != null) {
            assertThat(r.close()).as("left behind").isEmpty();
        }
    }

    private static ContainerRequest ok() {
        return ContainerRequest.of("localhost/busybox", ContainerConfig.of(List.of("/bin/true")), HostConfig.defaults());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("unknown image", c -> ContainerRequest.of("nosuch", c.config(), c.host()),
                        EngineException.Kind.NOT_FOUND, "No such image: nosuch"),
                bad("bad reference", c -> ContainerRequest.of("Bad:Ref!", c.config(), c.host()),
                        EngineException.Kind.INVALID, "invalid reference format"),
                bad("shell characters in a name", c -> c.withName("a;rm -rf /"), EngineException.Kind.INVALID,
                        "Invalid container name"),
                bad("path in a name", c -> c.withName("../../etc"), EngineException.Kind.INVALID,
                        "Invalid container name"),
                bad("memory below 6MB", c -> c.withHost(HostConfig.defaults().withMemory(1000)),
                        EngineException.Kind.INVALID, "6MB"),
                bad("cpu shares out of range", c -> c.withHost(HostConfig.defaults().withCpu(1_000_000, 0, 0, null)),
                        EngineException.Kind.INVALID, "CpuShares"),
                bad("negative pids limit", c -> c.withHost(HostConfig.defaults().withPidsLimit(-5)),
                        EngineException.Kind.INVALID, "PidsLimit"),
                bad("ulimit soft above hard", c -> c.withHost(HostConfig.defaults().withUlimits(
                        List.of(new RuntimeSpec.Rlimit("nofile", 10, 20)))), EngineException.Kind.INVALID, "nofile"),
                bad("unknown capability", c -> c.withHost(HostConfig.defaults().withCapabilities(List.of("FLY"),
                        List.of())), EngineException.Kind.INVALID, "CAP_FLY"),
                bad("bind escaping with ..", c -> c.withHost(HostConfig.defaults().withBinds(List.of(
                        new HostConfig.Bind("/etc/../root", "/x", true)))), EngineException.Kind.INVALID, ".."),
                bad("relative bind", c -> c.withHost(HostConfig.defaults().withBinds(List.of(
                        new HostConfig.Bind("etc/x", "/x", true)))), EngineException.Kind.INVALID, "invalid mount"),
                bad("missing bind source", c -> c.withHost(HostConfig.defaults().withBinds(List.of(
                        new HostConfig.Bind("/no/such/dir", "/x", true)))), EngineException.Kind.INVALID,
                        "does not exist"),
                bad("volume name with a slash", c -> c.withVolumes(Map.of("a/b", "/x")), EngineException.Kind.INVALID,
                        "invalid volume name"),
                bad("mount on /", c -> c.withVolumes(Map.of("v", "/")), EngineException.Kind.INVALID, "destination"),
                bad("unknown tag", c -> ContainerRequest.of("localhost/busybox:nosuch", c.config(), c.host()),
                        EngineException.Kind.NOT_FOUND, "No such image: localhost/busybox:nosuch"));
    }

    private static Arguments bad(String what, UnaryOperator<ContainerRequest> change, EngineException.Kind kind,
                                 String message) {
        return Arguments.of(what, change, kind, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAndLeavesNothing(String what, UnaryOperator<ContainerRequest> change, EngineException.Kind kind,
                                   String message) throws Exception {
        assertThatThrownBy(() -> r.engine.create(change.apply(ok()))).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(kind)).hasMessageContaining(message);
        try (var dirs = Files.list(r.root.resolve("containers"))) {
            assertThat(dirs).as("container directories").isEmpty();
        }
        assertThat(r.engine.volumes()).as("volumes").isEmpty();
        try (var runc = Files.list(r.root.resolve("run/runc"))) {
            assertThat(runc).as("runc state").isEmpty();
        }
        try (var bundles = Files.list(r.root.resolve("run/bundles"))) {
            assertThat(bundles).as("bundles").isEmpty();
        }
        // the engine's own run tmpfs is its only mount
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo"))).filteredOn(l -> l.contains(r.root.toString()))
                .allMatch(l -> l.split(" ")[4].equals(r.root.resolve("run").toString()));
    }
}
