package io.shoal.engine.bundle;

import io.shoal.api.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a container sits on its host (Docker's {@code HostConfig}, the parts this engine honours). Zero means
 * "no limit" for every resource. {@link #validate()} returns what is out of range instead of throwing.
 */
public record HostConfig(long memoryBytes, long memorySwapBytes, long cpuShares, long cpuQuota, long cpuPeriod,
                         String cpusetCpus, long pidsLimit, List<String> capAdd, List<String> capDrop,
                         boolean privileged, List<RuntimeSpec.Device> devices, Map<String, String> sysctls,
                         List<RuntimeSpec.Rlimit> ulimits, boolean readonlyRootfs, Map<String, String> tmpfs,
                         List<Bind> binds, NetworkMode network, boolean init) {

    /** Docker refuses less than 6 MiB of memory. */
    public static final long MIN_MEMORY = 6L * 1024 * 1024;
    private static final Pattern CPUSET = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    private static final Pattern SYSCTL = Pattern.compile("(kernel\\.(msg|sem|shm)[a-z_]*|fs\\.mqueue\\.[a-z_]+|"
            + "net\\.[a-z0-9_.]+)");

    /** A bind or volume mount, source already resolved to a host path. */
    public record Bind(String source, String destination, boolean readonly) { }

    public HostConfig {
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        devices = devices == null ? List.of() : List.copyOf(devices);
        sysctls = sysctls == null ? Map.of() : Map.copyOf(sysctls);
        ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
        tmpfs = tmpfs == null ? Map.of() : Map.copyOf(tmpfs);
        binds = binds == null ? List.of() : List.copyOf(binds);
        network = network == null ? NetworkMode.none() : network;
    }

    public static HostConfig defaults() {
        return new HostConfig(0, 0, 0, 0, 0, null, 0, null, null, false, null, null, null, false, null, null, null,
                false);
    }

    public HostConfig withMemory(long bytes) {
        return new HostConfig(bytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit, capAdd,
                capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withPidsLimit(long limit) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, limit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withReadonlyRootfs(boolean value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, value, tmpfs, binds, network, init);
    }

    public HostConfig withNetwork(NetworkMode value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, value, init);
    }

    public HostConfig withBinds(List<Bind> value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, value, network, init);
    }

    public HostConfig withCapabilities(List<String> add, List<String> drop) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                add, drop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withCpu(long shares, long quota, long period, String cpuset) {
        return new HostConfig(memoryBytes, memorySwapBytes, shares, quota, period, cpuset, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withSysctls(Map<String, String> value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, value, ulimits, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withUlimits(List<RuntimeSpec.Rlimit> value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, value, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withTmpfs(Map<String, String> value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, value, binds, network, init);
    }

    public HostConfig withPrivileged(boolean value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, value, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, network, init);
    }

    public HostConfig withInit(boolean value) {
        return new HostConfig(memoryBytes, memorySwapBytes, cpuShares, cpuQuota, cpuPeriod, cpusetCpus, pidsLimit,
                capAdd, capDrop, privileged, devices, sysctls, ulimits, readonlyRootfs, tmpfs, binds, network, value);
    }

    /** Docker's checks on resources and names, as values. */
    public List<Violation> validate() {
        List<Violation> out = new ArrayList<>();
        if (memoryBytes < 0 || (memoryBytes > 0 && memoryBytes < MIN_MEMORY)) {
            out.add(new Violation("HostConfig.Memory", "minimum memory limit allowed is 6MB"));
        }
        if (memorySwapBytes > 0 && memorySwapBytes < memoryBytes) {
            out.add(new Violation("HostConfig.MemorySwap", "must be at least the memory limit"));
        }
        if (cpuShares < 0 || (cpuShares > 0 && (cpuShares < 2 || cpuShares > 262144))) {
            out.add(new Violation("HostConfig.CpuShares", "must be between 2 and 262144"));
        }
        if (cpuPeriod != 0 && (cpuPeriod < 1000 || cpuPeriod > 1_000_000)) {
            out.add(new Violation("HostConfig.CpuPeriod", "must be between 1ms and 1s (1000-1000000)"));
        }
        if (cpuQuota != 0 && cpuQuota < 1000) {
            out.add(new Violation("HostConfig.CpuQuota", "must be at least 1ms (1000)"));
        }
        if (cpusetCpus != null && !cpusetCpus.isEmpty() && !CPUSET.matcher(cpusetCpus).matches()) {
            out.add(new Violation("HostConfig.CpusetCpus", "invalid cpuset " + cpusetCpus));
        }
        if (pidsLimit < -1) {
            out.add(new Violation("HostConfig.PidsLimit", "must be -1 (unlimited), 0 (unset) or positive"));
        }
        for (String cap : SpecOps.normalise(concat(capAdd, capDrop))) {
            if (!cap.equals("CAP_ALL") && !SpecOps.ALL_CAPABILITIES.contains(cap)) {
                out.add(new Violation("HostConfig.CapAdd", "unknown capability " + cap));
            }
        }
        for (String key : sysctls.keySet()) {
            if (!SYSCTL.matcher(key).matches()) {
                out.add(new Violation("HostConfig.Sysctls", "sysctl " + key + " is not namespaced"));
            } else if (key.startsWith("net.") && network instanceof NetworkMode.Host) {
                out.add(new Violation("HostConfig.Sysctls", "sysctl " + key + " not allowed with host networking"));
            }
        }
        for (RuntimeSpec.Rlimit r : ulimits) {
            if (r.soft() > r.hard() || r.soft() < 0) {
                out.add(new Violation("HostConfig.Ulimits", r.type() + ": soft limit must be within 0..hard"));
            }
        }
        for (String dest : tmpfs.keySet()) {
            if (!dest.startsWith("/")) {
                out.add(new Violation("HostConfig.Tmpfs", "destination must be absolute: " + dest));
            }
        }
        for (Bind b : binds) {
            if (!b.source().startsWith("/") || !b.destination().startsWith("/")
                    || b.destination().equals("/") || b.source().contains("/../") || b.source().endsWith("/..")
                    || b.destination().contains("..")) {
                out.add(new Violation("HostConfig.Binds", "invalid mount " + b.source() + ":" + b.destination()));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
