package io.shoal.manager.http.docker;

import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;

/**
 * Facts about this daemon and its host, gathered once at start by the deploy layer. {@code engineLabels} are
 * the daemon's own labels ({@code shoald --label k=v}, dockerd's {@code --label}): reported at join as the
 * node's {@code Description.Engine.Labels}, which placement constraints read as {@code engine.labels.k}.
 */
public record DaemonInfo(String nodeId, String hostname, String advertiseAddr, int clusterPort, String kernelVersion,
                         String operatingSystem, String architecture, int ncpu, long memTotal, String version,
                         String dataRoot, java.util.Map<String, String> engineLabels) {
    public DaemonInfo {
        engineLabels = engineLabels == null ? java.util.Map.of() : java.util.Map.copyOf(engineLabels);
    }

    public DaemonInfo(String nodeId, String hostname, String advertiseAddr, int clusterPort, String kernelVersion,
                      String operatingSystem, String architecture, int ncpu, long memTotal, String version, String dataRoot) {
        this(nodeId, hostname, advertiseAddr, clusterPort, kernelVersion, operatingSystem, architecture, ncpu, memTotal,
                version, dataRoot, java.util.Map.of());
    }

    public static final String API_VERSION = "1.49";
    public static final String MIN_API_VERSION = "1.24";

    /** Docker's GOARCH name for this host's architecture. */
    public String goArch() {
        switch (architecture) {
            case "x86_64": case "amd64": return "amd64";
            case "aarch64": case "arm64": return "arm64";
            default: return architecture;
        }
    }

    public Node.Description description() {
        return new Node.Description(hostname, new Platform(architecture, "linux"),
                new ResourceObject((long) ncpu * 1_000_000_000L, memTotal, null), new Node.Engine(version,
                        engineLabels.isEmpty() ? null : new java.util.TreeMap<>(engineLabels)));
    }

    public Node.Status readyStatus() {
        return new Node.Status("ready", null, advertiseAddr);
    }
}
