/**
 * Kernel load balancing without IPVS, as nftables text: {@link io.shoal.net.lb.NftRenderer#vips}
 * DNATs a service's VIP across its healthy tasks ({@code numgen random mod N} maps; conntrack
 * keeps a connection on its backend) inside each task's namespace;
 * {@link io.shoal.net.lb.NftRenderer#publishedPorts} does the same for published ports on a
 * node (ingress: any node's tasks, SNATed to the node's ingress address; host: local tasks);
 * {@link io.shoal.net.lb.NftRenderer#isolation} keeps networks apart. Each result is a whole
 * {@link io.shoal.net.lb.NftTable} that one {@code nft -f} replaces atomically.
 */
package io.shoal.net.lb;
