package io.shoal.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code shoal info} and {@code shoal version} in the docker CLI's layout: indented {@code Key: value} lines. */
public final class SystemText {
    private SystemText() {}

    /** The client's half of {@code version}; printed even when the daemon cannot be reached. */
    public static void clientVersion(PrintWriter out, String version, String apiVersion) {
        out.println("Client:");
        kv(out, 1, "Version", version, 20);
        kv(out, 1, "API version", apiVersion, 20);
        kv(out, 1, "Java version", System.getProperty("java.version"), 20);
        kv(out, 1, "OS/Arch", os() + "/" + arch(System.getProperty("os.arch")), 20);
        out.flush();
    }

    public static void serverVersion(PrintWriter out, JsonNode v) {
        String platform = Json.text(v, "Platform", "Name");
        out.println();
        out.println("Server:" + (platform.isEmpty() ? "" : " " + platform));
        out.println(" Engine:");
        kv(out, 2, "Version", Json.text(v, "Version"), 20);
        String min = Json.text(v, "MinAPIVersion");
        kv(out, 2, "API version", Json.text(v, "ApiVersion") + (min.isEmpty() ? "" : " (minimum version " + min + ")"), 20);
        kv(out, 2, "Runtime version", Json.text(v, "GoVersion"), 20);
        kv(out, 2, "Git commit", Json.text(v, "GitCommit"), 20);
        kv(out, 2, "Built", Json.text(v, "BuildTime"), 20);
        kv(out, 2, "OS/Arch", Json.text(v, "Os") + "/" + Json.text(v, "Arch"), 20);
        kv(out, 2, "Kernel version", Json.text(v, "KernelVersion"), 20);
        out.flush();
    }

    public static void info(PrintWriter out, JsonNode i) {
        out.println("Server:");
        kv(out, 1, "Containers", Json.text(i, "Containers"));
        kv(out, 2, "Running", Json.text(i, "ContainersRunning"));
        kv(out, 2, "Paused", Json.text(i, "ContainersPaused"));
        kv(out, 2, "Stopped", Json.text(i, "ContainersStopped"));
        kv(out, 1, "Images", Json.text(i, "Images"));
        kv(out, 1, "Server Version", Json.text(i, "ServerVersion"));
        kv(out, 1, "Storage Driver", Json.text(i, "Driver"));
        kv(out, 1, "Logging Driver", Json.text(i, "LoggingDriver"));
        kv(out, 1, "Cgroup Driver", Json.text(i, "CgroupDriver"));
        kv(out, 1, "Cgroup Version", Json.text(i, "CgroupVersion"));
        swarm(out, i.path("Swarm"));
        kv(out, 1, "Default Runtime", Json.text(i, "DefaultRuntime"));
        kv(out, 1, "Kernel Version", Json.text(i, "KernelVersion"));
        kv(out, 1, "Operating System", Json.text(i, "OperatingSystem"));
        kv(out, 1, "OSType", Json.text(i, "OSType"));
        kv(out, 1, "Architecture", Json.text(i, "Architecture"));
        kv(out, 1, "CPUs", Json.text(i, "NCPU"));
        kv(out, 1, "Total Memory", bytes(i.path("MemTotal").asLong()));
        kv(out, 1, "Name", Json.text(i, "Name"));
        kv(out, 1, "ID", Json.text(i, "ID"));
        kv(out, 1, "Docker Root Dir", Json.text(i, "DockerRootDir"));
        JsonNode warnings = i.path("Warnings");
        if (warnings.isArray()) {
            warnings.forEach(w -> out.println(w.asText()));
        }
        out.flush();
    }

    private static void swarm(PrintWriter out, JsonNode s) {
        String state = Json.text(s, "LocalNodeState");
        kv(out, 1, "Swarm", state.isEmpty() ? "inactive" : state);
        if (!"active".equals(state)) {
            return;
        }
        boolean manager = s.path("ControlAvailable").asBoolean(false);
        kv(out, 2, "NodeID", Json.text(s, "NodeID"));
        kv(out, 2, "Is Manager", Boolean.toString(manager));
        if (manager) {
            kv(out, 2, "ClusterID", Json.text(s, "Cluster", "ID"));
            kv(out, 2, "Managers", Json.text(s, "Managers"));
            kv(out, 2, "Nodes", Json.text(s, "Nodes"));
            out.println("  Orchestration:");
            kv(out, 3, "Task History Retention Limit", Json.text(s, "Cluster", "Spec", "Orchestration", "TaskHistoryRetentionLimit"));
        }
        kv(out, 2, "Node Address", Json.text(s, "NodeAddr"));
        JsonNode managers = s.path("RemoteManagers");
        if (managers.isArray() && !managers.isEmpty()) {
            out.println("  Manager Addresses:");
            managers.forEach(m -> out.println("   " + Json.text(m, "Addr")));
        }
    }

    /** Binary multiples with three decimals, as docker prints Total Memory: {@code 7.653GiB}. */
    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s + units[u];
    }

    private static void kv(PrintWriter out, int indent, String key, String value) {
        out.println(" ".repeat(indent) + key + ": " + value);
    }

    private static void kv(PrintWriter out, int indent, String key, String value, int column) {
        if (value == null || value.isEmpty() || value.equals("/")) {
            return;
        }
        String head = " ".repeat(indent) + key + ":";
        out.println(head + " ".repeat(Math.max(1, column - head.length())) + value);
    }

    private static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return name.startsWith("linux") ? "linux" : name.replace(' ', '-');
    }

    /** Go's names, as the server reports them: amd64, arm64. */
    static String arch(String javaArch) {
        return switch (javaArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> javaArch;
        };
    }
}
