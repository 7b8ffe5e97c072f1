package io.shoal.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.validate.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {

    @Test
    void defaultsAreValid() {
        assertThat(HostConfig.defaults().validate()).isEmpty();
    }

    @Test
    void outOfRangeLimitsAreViolations() {
        HostConfig bad = HostConfig.defaults().withMemory(1024).withPidsLimit(-5).withCpu(1, 10, 5, "0-a")
                .withCapabilities(List.of("NOT_A_CAP"), List.of())
                .withSysctls(Map.of("kernel.hostname", "x"))
                .withBinds(List.of(new HostConfig.Bind("/srv/../etc", "/x", false),
                        new HostConfig.Bind("relative", "/y", false)))
                .withTmpfs(Map.of("run", ""));
        assertThat(bad.validate()).extracting(Violation::field).containsExactlyInAnyOrder("HostConfig.Memory",
                "HostConfig.PidsLimit", "HostConfig.CpuShares", "HostConfig.CpuPeriod", "HostConfig.CpuQuota",
                "HostConfig.CpusetCpus", "HostConfig.CapAdd", "HostConfig.Sysctls", "HostConfig.Binds",
                "HostConfig.Binds", "HostConfig.Tmpfs");
    }

    @Test
    void netSysctlsAreRefusedWithHostNetworking() {
        assertThat(HostConfig.defaults().withNetwork(NetworkMode.host())
                .withSysctls(Map.of("net.ipv4.ip_forward", "1")).validate()).hasSize(1);
    }
}
