/**
 * The joining node's side of {@code swarm join}: {@link io.shoal.worker.join.TokenPinnedTrust} accepts a
 * manager's TLS chain only when it contains the CA whose digest the join token carries (trust on the token,
 * nothing before), {@link io.shoal.worker.join.CertificateRequest} makes the node's key and CSR, and
 * {@link io.shoal.worker.join.JoinClient} sends the CSR with the token to the manager's join port and stores
 * the granted identity with {@link io.shoal.worker.join.CertificateStore} (files mode 0600).
 */
package io.shoal.worker.join;
