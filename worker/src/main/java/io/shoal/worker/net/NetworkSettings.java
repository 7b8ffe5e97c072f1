package io.shoal.worker.net;

import com.typesafe.config.Config;
import io.shoal.net.dns.ResolvConf;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.Naming;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code shoal.worker.network} (defaults in reference.conf), read once at start. */
public record NetworkSettings(boolean enabled, String linkPrefix, String netnsPrefix, String runDir, int dnsPort,
                              List<String> upstreams) {

    public static NetworkSettings from(Config config) {
        Config c = config.getConfig("shoal.worker.network");
        return new NetworkSettings(c.getBoolean("enabled"), c.getString("link-prefix"), c.getString("netns-prefix"),
                c.getString("run-dir"), c.getInt("dns-port"), c.getStringList("upstreams"));
    }

    /**
     * This node's data plane settings, or why it cannot have one (its advertised address is no IPv4 address).
     * Upstream resolvers default to the host's /etc/resolv.conf.
     */
    public DataPlaneSettings forNode(String nodeId, String advertiseAddr, Path dataRoot) throws IOException {
        Ipv4 underlay = Ipv4.parse(advertiseAddr).orElseThrow(() -> new IllegalArgumentException(
                "shoal.worker.network: the node's advertised address is not an IPv4 address: " + advertiseAddr));
        String prefix = netnsPrefix.isEmpty() ? "shoal-" + nodeId.substring(0, Math.min(12, nodeId.length())) + "-" : netnsPrefix;
        List<InetSocketAddress> resolvers;
        if (!upstreams.isEmpty()) {
            resolvers = upstreams.stream().map(u -> new InetSocketAddress(u, 53)).toList();
        } else {
            Path host = Path.of("/etc/resolv.conf");
            resolvers = Files.exists(host) ? ResolvConf.nameservers(Files.readString(host)) : List.of();
        }
        return new DataPlaneSettings(nodeId, underlay, new Naming(linkPrefix), prefix,
                runDir.isEmpty() ? dataRoot.resolve("run").resolve("net") : Path.of(runDir), Optional.empty(), resolvers, dnsPort);
    }
}
