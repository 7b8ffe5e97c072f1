package io.shoal.manager.http.docker;

import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;

/** Facts about this daemon and its host, gathered once at start by the deploy layer. */
public record DaemonInfo(String nodeId, String hostname, String advertiseAddr, int clusterPort, String kernelVersion,
                         String operatingSystem, String architecture, int ncpu, long memTotal, String version,
                         String dataRoot) {
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
                new ResourceObject((long) ncpu * 1_000_000_000L, memTotal, null), new Node.Engine(version, null));
    }

    public Node.Status readyStatus() {
        return new Node.Status("ready", null, advertiseAddr);
    }
}
