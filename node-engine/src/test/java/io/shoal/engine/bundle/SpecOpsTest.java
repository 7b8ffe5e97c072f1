package io.shoal.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.engine.bundle.RuntimeSpec.Namespace;
import io.shoal.engine.bundle.RuntimeSpec.Rlimit;
import io.shoal.engine.image.ConfigMerge;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.image.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecOpsTest {

    private static final ContainerSpecs.HostFacts FACTS = new ContainerSpecs.HostFacts(
            Map.of("RLIMIT_NOFILE", 20000L, "RLIMIT_NPROC", 96365L), "/usr/bin/tini-static", "/shoal");

    private static RuntimeSpec specFor(HostConfig host) {
        ConfigMerge.Resolved cfg = ConfigMerge.merge(ImageConfig.empty(), ContainerConfig.of(List.of("/bin/true"))
                .withEnv(List.of("PATH=/bin")));
        return SpecOp.build(ContainerSpecs.ops("c1", "c1host", cfg, Users.Resolved.ROOT, host, FACTS));
    }

    @Test
    void defaultsIsolateEveryNamespaceWithAnAbsoluteCgroup() {
        RuntimeSpec spec = specFor(HostConfig.defaults());
        assertThat(spec.linux.namespaces).extracting(Namespace::type)
                .containsExactlyInAnyOrder("pid", "ipc", "uts", "mount", "network");
        assertThat(spec.linux.cgroupsPath).isEqualTo("/shoal/c1");
        assertThat(spec.hostname).isEqualTo("c1host");
        assertThat(spec.process.args).containsExactly("/bin/true");
        assertThat(spec.process.env).containsExactly("HOSTNAME=c1host", "PATH=/bin");
        assertThat(spec.process.capabilities.bounding).containsExactlyElementsOf(SpecOps.DEFAULT_CAPABILITIES);
        assertThat(spec.linux.maskedPaths).contains("/proc/kcore");
    }

    @Test
    void hostNetworkDropsTheNetNamespaceAndJoinedUsesThePath() {
        assertThat(specFor(HostConfig.defaults().withNetwork(NetworkMode.host())).linux.namespaces)
                .extracting(Namespace::type).doesNotContain("network");
        assertThat(specFor(HostConfig.defaults().withNetwork(new NetworkMode.Joined("/run/netns/x"))).linux.namespaces)
                .contains(new Namespace("network", "/run/netns/x"));
    }

    @Test
    void resourcesBecomeCgroupSettings() {
        RuntimeSpec spec = specFor(HostConfig.defaults().withMemory(64L << 20).withPidsLimit(20)
                .withCpu(512, 50_000, 0, "0-1"));
        assertThat(spec.linux.resources.memory.limit()).isEqualTo(64L << 20);
        assertThat(spec.linux.resources.pids.limit()).isEqualTo(20);
        assertThat(spec.linux.resources.cpu).isEqualTo(new RuntimeSpec.Cpu(512L, 50_000L, 100_000L, "0-1"));
    }

    @Test
    void capabilitiesAddAndDropLikeDocker() {
        RuntimeSpec spec = specFor(HostConfig.defaults().withCapabilities(List.of("net_admin"), List.of("CHOWN")));
        assertThat(spec.process.capabilities.effective).contains("CAP_NET_ADMIN").doesNotContain("CAP_CHOWN");
        RuntimeSpec none = specFor(HostConfig.defaults().withCapabilities(List.of("kill"), List.of("ALL")));
        assertThat(none.process.capabilities.bounding).containsExactly("CAP_KILL");
    }

    @Test
    void privilegedGetsEverything() {
        RuntimeSpec spec = specFor(HostConfig.defaults().withPrivileged(true));
        assertThat(spec.process.capabilities.bounding).hasSize(SpecOps.ALL_CAPABILITIES.size());
        assertThat(spec.linux.maskedPaths).isEmpty();
        assertThat(spec.linux.resources.devices).containsExactly(
                new RuntimeSpec.DeviceRule(true, null, null, null, "rwm"));
        assertThat(spec.mounts).filteredOn(m -> m.destination().equals("/sys")).singleElement()
                .satisfies(m -> assertThat(m.options()).doesNotContain("ro"));
    }

    @Test
    void rlimitsAreCappedAtTheEnginesHardLimits() {
        RuntimeSpec spec = specFor(HostConfig.defaults().withUlimits(List.of(new Rlimit("nofile", 65536, 65536),
                new Rlimit("nproc", 100, 50))));
        assertThat(spec.process.rlimits).containsExactlyInAnyOrder(new Rlimit("RLIMIT_NOFILE", 20000, 20000),
                new Rlimit("RLIMIT_NPROC", 100, 50));
    }

    @Test
    void readonlyRootTmpfsBindsSysctlsAndInit() {
        RuntimeSpec spec = specFor(HostConfig.defaults().withReadonlyRootfs(true)
                .withTmpfs(Map.of("/run", "size=1m,mode=1777"))
                .withBinds(List.of(new HostConfig.Bind("/srv/data", "/data", true)))
                .withSysctls(Map.of("net.ipv4.ip_forward", "1")).withInit(true));
        assertThat(spec.root.readonly).isTrue();
        assertThat(spec.mounts).contains(new RuntimeSpec.Mount("/run", "tmpfs", "tmpfs",
                List.of("nosuid", "nodev", "noexec", "size=1m", "mode=1777")),
                new RuntimeSpec.Mount("/data", "bind", "/srv/data", List.of("rbind", "ro")));
        assertThat(spec.linux.sysctl).containsEntry("net.ipv4.ip_forward", "1");
        assertThat(spec.process.args).containsExactly(SpecOps.INIT_PATH, "--", "/bin/true");
    }

    @Test
    void aRelativeCgroupsPathIsAProgrammingError() {
        assertThatThrownBy(() -> SpecOps.cgroupsPath("shoal/c1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialisesWithOciFieldNames() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(specFor(HostConfig.defaults().withMemory(64L << 20)));
        assertThat(json.path("ociVersion").asText()).isEqualTo("1.0.2");
        assertThat(json.path("root").path("path").asText()).isEqualTo("rootfs");
        assertThat(json.path("linux").path("resources").path("memory").path("limit").asLong()).isEqualTo(64L << 20);
        assertThat(json.path("linux").path("namespaces").get(0).has("path")).isFalse();
        assertThat(json.path("process").path("user").path("uid").asLong()).isZero();
    }
}
