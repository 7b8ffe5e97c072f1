/**
 * The worker's data plane: it turns the managers' view of the node's networks (each task's attachments, every
 * task on those networks across the cluster, services' VIPs) into this host's links, nftables and DNS through
 * overlay-net. {@link io.shoal.worker.net.NodePlan} is the pure part; {@link io.shoal.worker.net.DataPlane}
 * applies it (per task: a namespace under /run/netns, an interface on the network (a macvlan of an overlay's
 * VXLAN, a veth to a local network's bridge) with its address and a default route via the gateway, its VIP DNAT
 * table; per network on the host: a gateway interface with the bridge's name, a VXLAN with the VNI and forwarding
 * entries for the other nodes' tasks; per node: isolation and egress tables and an embedded DNS
 * server on each gateway address, which the task's resolv.conf names; and the routing mesh: while any service
 * publishes an ingress port, the ingress network on every node with the node's own address on its bridge, and a
 * published-ports table that DNATs to ready tasks on every node and SNATs to that address);
 * {@link io.shoal.worker.net.NetworkedTaskRuntime} attaches a task before its container is created (the
 * container joins the namespace) and detaches it when the container is removed.
 *
 * <p>DNS listens on the bridge side (the gateway address) rather than on Docker's 127.0.0.11 inside each task
 * namespace: {@link io.shoal.net.dns.EmbeddedDnsServer} tells containers apart by source address, which only
 * works when queries arrive from the task's own address; one server per network on the host serves every task
 * there, and forwarding to the host's resolvers goes out of the host's namespace, as it should.
 */
package io.shoal.worker.net;
