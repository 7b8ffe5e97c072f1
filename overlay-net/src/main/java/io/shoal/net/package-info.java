/**
 * Shoal's networking: bridge and VXLAN overlay networks across hosts, IPAM, embedded DNS and
 * kernel load balancing without IPVS. Pure logic (ipam, plan, lb) emits data; the host/ ports
 * take it; only linux/ runs commands. How the manager and worker wire it:
 *
 * <h2>Manager (cluster state owner)</h2>
 * <ul>
 *   <li>{@code Ipam ipam = Ipam.withDefaults()} (10.0.0.0/8 in /24s), rebuilt at recovery by
 *       replaying {@code createNetwork} and {@code reserveAddress} from the journal.</li>
 *   <li>{@code network create}: {@code ipam.createNetwork(id, new SubnetRequest(subnet, gateway, ipRange))}
 *       → {@code NetworkPool(subnet, gateway, range)} or {@code Refused(IpamError(kind, detail))}
 *       (map {@code SUBNET_OVERLAPS}/{@code INVALID_REQUEST} to 400, {@code NETWORK_IN_USE} to 409…).
 *       Persist the pool in the network's event; {@code vniPool.allocate(networkId)} gives each
 *       overlay its VNI (4096 and up; {@code reserve} at recovery, {@code release} on rm).</li>
 *   <li>Allocator (task NEW → PENDING): {@code ipam.allocateAddress(networkId, taskId + "/" + networkId)}
 *       per attachment, {@code ipam.allocateVip(networkId, serviceId)} per vip-mode service;
 *       {@code releaseAddress}/{@code releaseVip} when the task/service is gone;
 *       {@code removeNetwork} is refused while anything is allocated.</li>
 * </ul>
 *
 * <h2>Worker (per host)</h2>
 * <ul>
 *   <li>Links: build {@link io.shoal.net.plan.HostNetworks} from the tasks assigned to this node
 *       (local endpoints: task netns, "eth0"…, address) and the other nodes' tasks on the same
 *       overlays (remote endpoints: address, node underlay address); then
 *       {@code links.apply(new NetworkPlanner(Naming.production()).plan(lastApplied, desired))}
 *       with {@code new IpBatchLinks(Optional.empty())}; remember {@code desired} as lastApplied.
 *       Order for a starting task: its netns exists (runc's, bind-mounted under /run/netns) →
 *       apply → start the process. After a restart, when lastApplied is lost:
 *       {@code planner.reconcile(links.links(Optional.empty()), desired)} deletes leftovers of
 *       Shoal's naming and re-adds what is missing. Overlay veths/VXLANs (and macvlans) get MTU 1450
 *       ({@code new NetworkPlanner(naming, underlayMtu - 50)} for other underlays). The node
 *       must have {@code net.ipv4.ip_forward=1} for egress and the routing mesh.</li>
 *   <li>Load balancing: per task namespace, {@code netfilter.replace(Optional.of(taskNetns),
 *       NftRenderer.vips("shoal_vip", vipsOfItsNetworks))} whenever a backend's health or set
 *       changes (unhealthy → {@code new Backend(ip, false)}); per node,
 *       {@code NftRenderer.publishedPorts("shoal_ports", ports, ingressSource)} and
 *       {@code NftRenderer.isolation("shoal_isolation", "shb", bridges, internalBridges)} and
 *       {@code NftRenderer.egress("shoal_egress", nonInternalNetworks)} with
 *       {@code new NftNetfilter(Optional.empty())}.</li>
 *   <li>DNS: one {@link io.shoal.net.dns.EmbeddedDnsServer} per node on each bridge's gateway
 *       address (or 127.0.0.11 inside each task netns, if preferred), port 53,
 *       upstreams {@code ResolvConf.nameservers(Files.readString(Path.of("/etc/resolv.conf")))};
 *       {@code liveViews.update(new NameDirectory(namesByNetwork), networksByTaskAddress)} on
 *       every change; the task's resolv.conf names that address.</li>
 * </ul>
 * Debian 12 packages: iproute2, nftables (and the kernel modules vxlan, bridge, nf_nat).
 */
package io.shoal.net;
