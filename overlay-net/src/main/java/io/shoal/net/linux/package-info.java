/**
 * The Linux adapters of {@code io.shoal.net.host}: {@code ip -batch} / {@code bridge -batch}
 * ({@link io.shoal.net.linux.IpBatchLinks}), {@code ip netns} ({@link io.shoal.net.linux.IpNetns})
 * and {@code nft -f} ({@link io.shoal.net.linux.NftNetfilter}). The only package that starts
 * processes; commands are argument vectors of validated values, never shell lines. Debian 12
 * packages: iproute2, nftables.
 */
package io.shoal.net.linux;
