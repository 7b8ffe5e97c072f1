package io.shoal.engine.bundle;

import io.shoal.engine.image.ConfigMerge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Puts the engine's {@link SpecOp}s in order for one container. Pure: every host fact is a parameter. */
public final class ContainerSpecs {

    /** Facts about the host the spec depends on, measured once by the engine. */
    public record HostFacts(Map<String, Long> rlimitHard, String initBinary, String cgroupParent) {
        public HostFacts {
            rlimitHard = Map.copyOf(rlimitHard);
        }
    }

    private ContainerSpecs() {
    }

    public static List<SpecOp> ops(String containerId, String hostname, ConfigMerge.Resolved config,
                                   Users.Resolved user, HostConfig host, HostFacts facts) {
        List<SpecOp> ops = new ArrayList<>();
        ops.add(SpecOps.args(config.argv()));
        ops.add(SpecOps.env(List.of("HOSTNAME=" + hostname)));
        ops.add(SpecOps.env(config.env()));
        ops.add(SpecOps.cwd(config.workingDir()));
        ops.add(SpecOps.user(user.uid(), user.gid(), user.additionalGids()));
        ops.add(SpecOps.hostname(hostname));
        ops.add(SpecOps.rootfs("rootfs", host.readonlyRootfs()));
        ops.add(SpecOps.cgroupsPath(facts.cgroupParent() + "/" + containerId));
        ops.add(SpecOps.network(host.network()));
        if (host.memoryBytes() > 0) {
            ops.add(SpecOps.memory(host.memoryBytes(), host.memorySwapBytes() > 0 ? host.memorySwapBytes()
                    : host.memoryBytes() * 2));
        }
        if (host.cpuShares() > 0 || host.cpuQuota() > 0 || host.cpusetCpus() != null) {
            ops.add(SpecOps.cpu(host.cpuShares(), host.cpuQuota(),
                    host.cpuQuota() > 0 && host.cpuPeriod() == 0 ? 100_000 : host.cpuPeriod(), host.cpusetCpus()));
        }
        if (host.pidsLimit() != 0) {
            ops.add(SpecOps.pids(host.pidsLimit()));
        }
        if (host.privileged()) {
            ops.add(SpecOps.privileged(host.devices()));
        } else {
            ops.add(SpecOps.capabilities(host.capAdd(), host.capDrop()));
            for (RuntimeSpec.Device d : host.devices()) {
                ops.add(SpecOps.device(d, "rwm"));
            }
        }
        ops.add(SpecOps.sysctls(host.sysctls()));
        ops.add(SpecOps.rlimits(host.ulimits(), facts.rlimitHard()));
        host.tmpfs().forEach((dest, opts) -> ops.add(SpecOps.tmpfs(dest,
                opts.isEmpty() ? List.of() : Arrays.asList(opts.split(",")))));
        for (HostConfig.Bind b : host.binds()) {
            ops.add(SpecOps.bind(b.source(), b.destination(), b.readonly()));
        }
        if (host.network() instanceof NetworkMode.Host) {
            ops.add(SpecOps.bind("/etc/resolv.conf", "/etc/resolv.conf", true));
        }
        if (host.init() && facts.initBinary() != null) {
            ops.add(SpecOps.init(facts.initBinary()));
        }
        return ops;
    }
}
