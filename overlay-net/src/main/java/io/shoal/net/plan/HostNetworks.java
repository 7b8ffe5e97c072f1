package io.shoal.net.plan;

import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import java.util.List;
import java.util.OptionalInt;

/**
 * The desired network state of one host, as the managers describe it: for each network the
 * host takes part in, its bridge, its VXLAN (overlays only), the veths of the local tasks and
 * the addresses of the other hosts' tasks.
 *
 * @param underlay this host's address on the underlay (VXLAN local end)
 */
public record HostNetworks(Ipv4 underlay, List<Network> networks) {

    public HostNetworks {
        networks = List.copyOf(networks);
    }

    public static HostNetworks empty(Ipv4 underlay) {
        return new HostNetworks(underlay, List.of());
    }

    /**
     * @param bridgeAddress the address on this host's bridge (the gateway for bridge networks
     *        and overlays; a node-specific address on the ingress network)
     * @param vni present for overlays
     * @param internal no default route out for its containers
     */
    public record Network(String networkId, Cidr subnet, Ipv4 bridgeAddress, OptionalInt vni, boolean internal,
                          List<LocalEndpoint> local, List<RemoteEndpoint> remote) {
        public Network {
            local = List.copyOf(local);
            remote = List.copyOf(remote);
        }
    }

    /** A task on this host: a veth from the bridge into its namespace, named {@code ifName} there. */
    public record LocalEndpoint(String attachmentId, NetnsName netns, IfName ifName, Ipv4 address) {}

    /** A task on another host, reached through the VXLAN. */
    public record RemoteEndpoint(Ipv4 address, Ipv4 host) {}
}
