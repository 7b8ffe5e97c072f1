/**
 * The cluster certificate authority and join tokens, run by the managers. {@link io.shoal.manager.ca.ClusterCa}
 * is an ECDSA P-256 root that signs node certificates from CSRs (CN = node id, OU = swarm-manager or
 * swarm-worker, O = cluster id); {@link io.shoal.manager.ca.ClusterSecurity} is the material the cluster
 * state persists (CA key and certificate, one join secret per role, rotatable) and checks join tokens in
 * constant time. {@code JoinService} decides a join request; {@code http} serves it over HTTPS on the
 * join port (cluster port + 1) because Artery owns the cluster port.
 */
package io.shoal.manager.ca;
