/**
 * Host network plans, pure: {@link io.shoal.net.plan.HostNetworks} is one host's desired state
 * (bridges, VXLANs with their VNI, veths into task namespaces, neighbour and FDB entries for the
 * other hosts' tasks — no multicast, no flooding, no learning; the VXLAN answers ARP from its
 * neighbour table). {@link io.shoal.net.plan.NetworkPlanner} diffs two states into an ordered
 * list of {@link io.shoal.net.plan.LinkChange}s and {@link io.shoal.net.plan.IpBatchRenderer}
 * renders them as {@code ip -batch} / {@code bridge -batch} text. Interface names come from
 * {@link io.shoal.net.plan.Naming} (hashes of ids), never from user strings.
 */
package io.shoal.net.plan;
