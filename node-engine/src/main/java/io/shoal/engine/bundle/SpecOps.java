package io.shoal.engine.bundle;

import io.shoal.engine.bundle.RuntimeSpec.DeviceRule;
import io.shoal.engine.bundle.RuntimeSpec.Mount;
import io.shoal.engine.bundle.RuntimeSpec.Namespace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The engine's {@link SpecOp}s. Each is a small pure edit; {@link ContainerSpecs} puts them in order. */
public final class SpecOps {

    /** Docker's default capability set. */
    public static final List<String> DEFAULT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    /** Every capability of Linux 5.9+, in number order. */
    public static final List<String> ALL_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE",
            "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
            "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
            "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
            "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
            "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
            "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    private SpecOps() {
    }

    /** The base every container starts from: containerd's default Unix spec with Docker's defaults. */
    public static SpecOp defaults() {
        return spec -> {
            spec.process.env.add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            spec.process.capabilities.bounding = new ArrayList<>(DEFAULT_CAPABILITIES);
            spec.process.capabilities.effective = new ArrayList<>(DEFAULT_CAPABILITIES);
            spec.process.capabilities.permitted = new ArrayList<>(DEFAULT_CAPABILITIES);
            spec.process.rlimits.add(new RuntimeSpec.Rlimit("RLIMIT_NOFILE", 1024, 1024));
            spec.mounts.addAll(List.of(
                    new Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                    new Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                    new Mount("/dev/pts", "devpts", "devpts",
                            List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                    new Mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777",
                            "size=65536k")),
                    new Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                    new Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
                    new Mount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("nosuid", "noexec", "nodev", "relatime",
                            "ro"))));
            for (String ns : List.of("pid", "ipc", "uts", "mount", "network")) {
                spec.linux.namespaces.add(new Namespace(ns, null));
            }
            spec.linux.resources.devices.add(new DeviceRule(false, null, null, null, "rwm"));
            for (long[] d : new long[][] {{1, 3}, {1, 5}, {1, 7}, {1, 8}, {1, 9}, {5, 0}, {5, 1}, {5, 2}}) {
                spec.linux.resources.devices.add(new DeviceRule(true, "c", d[0], d[1], "rwm"));
            }
            spec.linux.resources.devices.add(new DeviceRule(true, "c", 136L, null, "rwm"));
            spec.linux.maskedPaths.addAll(MASKED_PATHS);
            spec.linux.readonlyPaths.addAll(READONLY_PATHS);
        };
    }

    public static SpecOp args(List<String> argv) {
        return spec -> spec.process.args = new ArrayList<>(argv);
    }

    /** Sets variables by key, replacing an earlier value of the same key (PATH from the image replaces ours). */
    public static SpecOp env(List<String> entries) {
        return spec -> {
            for (String e : entries) {
                String key = e.contains("=") ? e.substring(0, e.indexOf('=') + 1) : e + "=";
                spec.process.env.removeIf(old -> old.startsWith(key) || old.equals(key.substring(0, key.length() - 1)));
                spec.process.env.add(e);
            }
        };
    }

    public static SpecOp cwd(String dir) {
        return spec -> spec.process.cwd = dir == null || dir.isEmpty() ? "/" : dir;
    }

    public static SpecOp user(long uid, long gid, List<Long> additionalGids) {
        return spec -> {
            spec.process.user.uid = uid;
            spec.process.user.gid = gid;
            spec.process.user.additionalGids = new ArrayList<>(additionalGids);
        };
    }

    public static SpecOp hostname(String name) {
        return spec -> spec.hostname = name;
    }

    public static SpecOp rootfs(String path, boolean readonly) {
        return spec -> {
            spec.root.path = path;
            spec.root.readonly = readonly;
        };
    }

    /** An absolute path, so runc does not nest the container under the engine's own cgroup. */
    public static SpecOp cgroupsPath(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("cgroupsPath must be absolute: " + absolute);
        }
        return spec -> spec.linux.cgroupsPath = absolute;
    }

    /** Network mode: {@code none} (own empty namespace), {@code host} (no namespace), or join a netns path. */
    public static SpecOp network(NetworkMode mode) {
        return spec -> {
            spec.linux.namespaces.removeIf(ns -> ns.type().equals("network"));
            if (mode instanceof NetworkMode.None) {
                spec.linux.namespaces.add(new Namespace("network", null));
            } else if (mode instanceof NetworkMode.Joined joined) {
                spec.linux.namespaces.add(new Namespace("network", joined.netnsPath()));
            }
        };
    }

    public static SpecOp memory(long limitBytes, long swapBytes) {
        return spec -> spec.linux.resources.memory = new RuntimeSpec.Memory(limitBytes, swapBytes);
    }

    /** cpu shares, CFS quota/period (0 = unset) and cpuset cpus (null = unset). */
    public static SpecOp cpu(long shares, long quota, long period, String cpuset) {
        return spec -> spec.linux.resources.cpu = new RuntimeSpec.Cpu(shares > 0 ? shares : null,
                quota > 0 ? quota : null, period > 0 ? period : null, cpuset);
    }

    public static SpecOp pids(long limit) {
        return spec -> spec.linux.resources.pids = new RuntimeSpec.Pids(limit);
    }

    /** Docker's {@code --cap-add}/{@code --cap-drop}: names with or without CAP_, any case, and ALL. */
    public static SpecOp capabilities(List<String> add, List<String> drop) {
        return spec -> {
            Set<String> caps = new LinkedHashSet<>(spec.process.capabilities.bounding);
            List<String> drops = normalise(drop);
            List<String> adds = normalise(add);
            if (drops.contains("CAP_ALL")) {
                caps.clear();
            } else {
                caps.removeAll(drops);
            }
            if (adds.contains("CAP_ALL")) {
                caps.addAll(ALL_CAPABILITIES);
            } else {
                caps.addAll(adds);
            }
            setCapabilities(spec, new ArrayList<>(caps));
        };
    }

    public static List<String> normalise(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String up = n.toUpperCase(Locale.ROOT);
            out.add(up.startsWith("CAP_") ? up : "CAP_" + up);
        }
        return out;
    }

    /** All capabilities, every device allowed, no masked or read-only /proc paths, /sys writable. */
    public static SpecOp privileged(List<RuntimeSpec.Device> hostDevices) {
        return spec -> {
            setCapabilities(spec, new ArrayList<>(ALL_CAPABILITIES));
            spec.linux.resources.devices.clear();
            spec.linux.resources.devices.add(new DeviceRule(true, null, null, null, "rwm"));
            spec.linux.maskedPaths.clear();
            spec.linux.readonlyPaths.clear();
            spec.linux.devices.addAll(hostDevices);
            spec.mounts.replaceAll(m -> m.destination().equals("/sys") || m.destination().equals("/sys/fs/cgroup")
                    ? new Mount(m.destination(), m.type(), m.source(),
                            m.options().stream().filter(o -> !o.equals("ro")).toList()) : m);
        };
    }

    /** {@code --device}: the node is created in the container and its cgroup rule allows {@code access}. */
    public static SpecOp device(RuntimeSpec.Device device, String access) {
        return spec -> {
            spec.linux.devices.add(device);
            spec.linux.resources.devices.add(new DeviceRule(true, device.type(), device.major(), device.minor(),
                    access));
        };
    }

    public static SpecOp sysctls(Map<String, String> values) {
        return spec -> spec.linux.sysctl.putAll(values);
    }

    /**
     * Ulimits, each capped at the engine's own hard limit for that resource ({@code hostHard}, e.g.
     * RLIMIT_NOFILE → 20000 here): runc cannot raise a limit the engine does not have.
     */
    public static SpecOp rlimits(List<RuntimeSpec.Rlimit> requested, Map<String, Long> hostHard) {
        return spec -> {
            for (RuntimeSpec.Rlimit r : requested) {
                String type = rlimitType(r.type());
                long cap = hostHard.getOrDefault(type, Long.MAX_VALUE);
                long hard = Math.min(r.hard(), cap);
                long soft = Math.min(r.soft(), hard);
                spec.process.rlimits.removeIf(old -> old.type().equals(type));
                spec.process.rlimits.add(new RuntimeSpec.Rlimit(type, hard, soft));
            }
            spec.process.rlimits.replaceAll(r -> {
                long cap = hostHard.getOrDefault(r.type(), Long.MAX_VALUE);
                return r.hard() <= cap ? r : new RuntimeSpec.Rlimit(r.type(), cap, Math.min(r.soft(), cap));
            });
        };
    }

    /** {@code nofile} → {@code RLIMIT_NOFILE}. */
    public static String rlimitType(String name) {
        String up = name.toUpperCase(Locale.ROOT);
        return up.startsWith("RLIMIT_") ? up : "RLIMIT_" + up;
    }

    public static SpecOp mount(Mount mount) {
        return spec -> {
            spec.mounts.removeIf(m -> m.destination().equals(mount.destination()));
            spec.mounts.add(mount);
        };
    }

    /** {@code --tmpfs /run:size=64m,mode=1777}; Docker's defaults are noexec, nosuid, nodev. */
    public static SpecOp tmpfs(String destination, List<String> options) {
        List<String> opts = new ArrayList<>(List.of("nosuid", "nodev", "noexec"));
        opts.addAll(options);
        return mount(new Mount(destination, "tmpfs", "tmpfs", opts));
    }

    /** A bind mount: {@code rbind} plus {@code ro} or {@code rw}. */
    public static SpecOp bind(String source, String destination, boolean readonly) {
        return mount(new Mount(destination, "bind", source, List.of("rbind", readonly ? "ro" : "rw")));
    }

    /** Runs {@code init} (a static tini on the host, mounted read-only) as pid 1, reaping the workload's zombies. */
    public static SpecOp init(String hostInitPath) {
        return spec -> {
            spec.mounts.add(new Mount(INIT_PATH, "bind", hostInitPath, List.of("bind", "ro")));
            List<String> argv = new ArrayList<>(List.of(INIT_PATH, "--"));
            argv.addAll(spec.process.args);
            spec.process.args = argv;
        };
    }

    public static final String INIT_PATH = "/sbin/docker-init";

    public static SpecOp oomScoreAdj(int value) {
        return spec -> spec.process.oomScoreAdj = value;
    }

    private static void setCapabilities(RuntimeSpec spec, List<String> caps) {
        spec.process.capabilities.bounding = new ArrayList<>(caps);
        spec.process.capabilities.effective = new ArrayList<>(caps);
        spec.process.capabilities.permitted = new ArrayList<>(caps);
    }
}
