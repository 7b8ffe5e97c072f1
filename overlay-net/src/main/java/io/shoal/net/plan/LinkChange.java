package io.shoal.net.plan;

import io.shoal.net.ipam.Ipv4;

/** One change to a host's links, neighbours or forwarding database; a plan is an ordered list. */
public sealed interface LinkChange {

    /**
     * A bridge with its address; its MAC derives from that address, so on the ingress network,
     * where each node's bridge has an address of its own, other nodes reach it like a task.
     */
    record AddBridge(IfName bridge, Ipv4 address, int prefix) implements LinkChange {}

    record AddVxlan(IfName vxlan, int vni, Ipv4 local, IfName bridge, int mtu) implements LinkChange {}

    /** A veth pair whose peer is created directly inside the task's namespace. */
    record AddVeth(IfName hostSide, IfName bridge, NetnsName netns, IfName peer, Mac mac,
                   Ipv4 address, int prefix, Ipv4 gateway, boolean defaultRoute, int mtu) implements LinkChange {}

    /**
     * A task's interface as a macvlan (bridge mode) of its network's VXLAN, {@code lower}, created straight inside the
     * task's namespace, with the address, route and {@code lo} an {@link AddVeth} gives. The planner speaks of veths;
     * an adapter that switches an overlay with macvlans instead of a bridge hands this to the adapter that makes it.
     */
    record AddMacvlan(IfName lower, NetnsName netns, IfName peer, Mac mac, Ipv4 address, int prefix, Ipv4 gateway,
                      boolean defaultRoute) implements LinkChange {}

    /** Removal of a bridge, VXLAN or veth (a veth's peer goes with it); idempotent. */
    record DeleteLink(IfName link) implements LinkChange {}

    record AddRemote(IfName vxlan, Ipv4 address, Mac mac, Ipv4 host) implements LinkChange {}

    record DeleteRemote(IfName vxlan, Ipv4 address, Mac mac, Ipv4 host) implements LinkChange {}
}
