/**
 * Networks on the managers (issue 7): swarm-scoped networks as cluster objects and centralized IPAM recorded
 * in the cluster state. {@link io.shoal.manager.network.NetworkDecisions} creates, removes and prunes
 * networks (and the {@code ingress} network at {@code swarm init});
 * {@link io.shoal.manager.network.ServiceEndpoints} resolves a service's network targets and gives it
 * published ports and virtual IPs; {@link io.shoal.manager.network.TaskNetworks} gives each new task one
 * address per attachment in the same persisted batch; {@link io.shoal.manager.network.IngressEndpoints} gives
 * every node its own address on the ingress network (the routing mesh's node endpoints). They allocate with overlay-net's pure
 * {@code io.shoal.net.ipam} inside a {@link io.shoal.manager.network.NetworkLedger.Scratch} that is undone
 * afterwards: the {@link io.shoal.manager.network.NetworkLedger}, part of the state, is changed only by
 * applying events, so replay and snapshots rebuild the same allocations. Workers read attachments, VIPs and
 * VNIs from the state to program their hosts.
 */
package io.shoal.manager.network;
