package io.shoal.engine.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime spec ({@code config.json}) as plain mutable data with the spec's own field names, so that
 * {@link SpecOp}s can edit it in turn, as containerd's {@code SpecOpts} do, and Jackson writes it unchanged.
 * Only the parts Shoal sets are modelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RuntimeSpec {
    public String ociVersion = "1.0.2";
    public Process process = new Process();
    public Root root = new Root();
    public String hostname;
    public List<Mount> mounts = new ArrayList<>();
    public Linux linux = new Linux();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Process {
        public boolean terminal;
        public User user = new User();
        public List<String> args = new ArrayList<>();
        public List<String> env = new ArrayList<>();
        public String cwd = "/";
        public Capabilities capabilities = new Capabilities();
        public List<Rlimit> rlimits = new ArrayList<>();
        public boolean noNewPrivileges;
        public Integer oomScoreAdj;
    }

    public static final class User {
        public long uid;
        public long gid;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<Long> additionalGids = new ArrayList<>();
    }

    public static final class Capabilities {
        public List<String> bounding = new ArrayList<>();
        public List<String> effective = new ArrayList<>();
        public List<String> permitted = new ArrayList<>();
    }

    public record Rlimit(String type, long hard, long soft) { }

    public static final class Root {
        public String path = "rootfs";
        public boolean readonly;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Mount(String destination, String type, String source, List<String> options) {
        public Mount {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Linux {
        public List<Namespace> namespaces = new ArrayList<>();
        public String cgroupsPath;
        public Resources resources = new Resources();
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public Map<String, String> sysctl = new LinkedHashMap<>();
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<Device> devices = new ArrayList<>();
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<String> maskedPaths = new ArrayList<>();
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<String> readonlyPaths = new ArrayList<>();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Namespace(String type, String path) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Resources {
        public List<DeviceRule> devices = new ArrayList<>();
        public Memory memory;
        public Cpu cpu;
        public Pids pids;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Memory(Long limit, Long swap) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(Long shares, Long quota, Long period, String cpus) { }

    public record Pids(long limit) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String path, String type, long major, long minor, Integer fileMode, Long uid, Long gid) { }
}
