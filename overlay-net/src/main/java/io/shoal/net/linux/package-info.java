/**
 * The Linux adapters of {@code io.shoal.net.host}. On the attach path nothing is spawned:
 * {@link io.shoal.net.linux.InProcessNetns} makes and removes named namespaces as {@code ip netns} does
 * (bind mounts under a shared {@code /run/netns}), {@link io.shoal.net.linux.NetlinkLinks} creates a task's veth
 * or macvlan, address and route over rtnetlink (hand-encoded: no maintained Java netlink library exists), and
 * {@link io.shoal.net.linux.LibNftablesNetfilter} loads nft text through libnftables. Bridges, VXLAN devices and
 * remote entries still go through {@code ip -batch} / {@code bridge -batch}
 * ({@link io.shoal.net.linux.IpBatchLinks}); {@link io.shoal.net.linux.IpNetns} and
 * {@link io.shoal.net.linux.NftNetfilter} remain as the process-based equivalents.
 * {@link io.shoal.net.linux.SwitchNamespaceLinks}, the daemon's, wraps them to switch each network in a namespace
 * of its own: an overlay's VXLAN there, with macvlans of it as the host's gateway (the bridge's name and address)
 * and as each task's interface; a local bridge network's bridge and task veth ends there (br_netfilter off), the host
 * keeping a veth with the bridge's name and address. Frames between tasks never cross the host's netfilter hooks. The only package that starts
 * processes or uses JNA; commands are argument vectors of validated values, never shell lines, and netlink
 * messages carry names as attributes. Debian 12 packages: iproute2, nftables (with libnftables1).
 */
package io.shoal.net.linux;
