/**
 * This daemon's membership of a swarm: {@link io.shoal.deploy.membership.MembershipFile} records the role
 * and the managers' cluster addresses ({@code DATA_ROOT/swarm-membership.json}) next to the certificates
 * ({@code DATA_ROOT/certificates}); {@link io.shoal.deploy.membership.NodeMembership} joins (token-pinned
 * HTTPS to the manager's join port), leaves, and takes a manager certificate at {@code swarm init}. A
 * change of membership restarts the daemon's actor system in-process, because Akka fixes a node's roles
 * and cluster when it starts. {@link io.shoal.deploy.membership.JoinPort} serves the join endpoint on
 * managers.
 */
package io.shoal.deploy.membership;
