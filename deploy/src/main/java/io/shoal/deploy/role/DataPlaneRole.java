package io.shoal.deploy.role;

import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.net.linux.InProcessNetns;
import io.shoal.net.linux.LibNftablesNetfilter;
import io.shoal.net.linux.NetlinkLinks;
import io.shoal.net.linux.SwitchNamespaceLinks;
import io.shoal.worker.net.DataPlane;
import io.shoal.worker.net.DataPlaneSettings;
import io.shoal.worker.net.HostSockets;
import io.shoal.worker.net.NetworkSettings;
import io.shoal.worker.net.NetworkedTaskRuntime;
import io.shoal.worker.task.TaskRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's data plane, wired with the Linux adapters in the daemon's own network namespace: namespaces,
 * task veths, addresses and routes in-process (bind mounts, rtnetlink), bridges, VXLAN and remote entries with
 * {@code ip -batch}/{@code bridge -batch}, each network's switching in a namespace of its own
 * ({@link SwitchNamespaceLinks}), nftables through libnftables: the task runtime it returns attaches each task to its networks before its container is
 * created. Without iproute2 and nftables, or with {@code shoal.worker.network.enabled = off}, tasks run as before,
 * with no network, and the reason is logged once.
 */
public final class DataPlaneRole {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneRole.class);

    private DataPlaneRole() {}

    public static TaskRuntime networked(TaskRuntime runtime, DaemonInfo daemon, NetworkSettings settings, Path dataRoot) {
        if (!settings.enabled()) {
            LOG.info("data plane disabled by shoal.worker.network.enabled");
            return runtime;
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                || !Files.isExecutable(Path.of("/usr/sbin/nft"))) {
            LOG.warn("data plane unavailable reason={}", "iproute2 or nftables missing: apt-get install -y iproute2 nftables");
            return runtime;
        }
        try {
            Path forward = Path.of("/proc/sys/net/ipv4/ip_forward");
            if (Files.exists(forward) && Files.readString(forward).strip().equals("0")) {
                LOG.warn("data plane: net.ipv4.ip_forward=0, published ports and egress of task networks will not work "
                        + "(sysctl -w net.ipv4.ip_forward=1); traffic between tasks does not need it");
            }
            LibNftablesNetfilter.check();
            DataPlaneSettings node = settings.forNode(daemon.nodeId(), daemon.advertiseAddr(), dataRoot);
            // Each network's bridge, VXLAN and task veth ends in a switch namespace of its own, where br_netfilter
            // is off whatever the host's net.bridge.bridge-nf-call-iptables says (the host's is left as it is).
            InProcessNetns namespaces = new InProcessNetns();
            SwitchNamespaceLinks links = new SwitchNamespaceLinks(Optional.empty(), node.naming(), node.switchPrefix(),
                    namespaces, NetlinkLinks::keepingSocket);
            DataPlane plane = new DataPlane(node, links, namespaces, new LibNftablesNetfilter(Optional.empty()),
                    HostSockets.CURRENT);
            return new NetworkedTaskRuntime(runtime, plane);
        } catch (Exception e) {
            LOG.warn("data plane unavailable reason={}", e.getMessage());
            return runtime;
        }
    }
}
