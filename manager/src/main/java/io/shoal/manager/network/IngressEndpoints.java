package io.shoal.manager.network;

import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Node;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.State;
import io.shoal.net.ipam.IpamResult;
import io.shoal.net.ipam.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routing mesh's node endpoints (Swarm's node attachments on ingress): while the cluster has an ingress
 * network, every node holds one address on it, so a node that receives a connection for a published port can
 * send it to a task on any node and get the reply back. Run after each batch of events (and on the reconcile
 * tick, so a journal from before the mesh catches up): a node registered, or the ingress network created, in
 * the batch or earlier, that has no address there yet gets a {@link ClusterEvent.NodeNetworksAttached}
 * appended to the same batch. The ledger frees the address when the node or the network is removed. A full
 * ingress network leaves the node without one (its published ports then reach only its own tasks) until an
 * address frees up.
 */
public final class IngressEndpoints {
    private IngressEndpoints() {}

    public static List<ClusterEvent> attach(State s, List<ClusterEvent> events) {
        Network ingress = s.networks().ingress().orElse(null);
        Set<String> nodes = new LinkedHashSet<>();
        s.nodes().stream().map(Node::id).forEach(nodes::add);
        Set<String> attachedNow = new LinkedHashSet<>();
        for (ClusterEvent e : events) {
            if (e instanceof ClusterEvent.NetworkCreated c && c.network().spec().ingress()) {
                ingress = c.network();
            } else if (e instanceof ClusterEvent.NetworkRemoved r && ingress != null && r.networkId().equals(ingress.id())) {
                ingress = null;
            } else if (e instanceof ClusterEvent.NodeRegistered r) {
                nodes.add(r.node().id());
            } else if (e instanceof ClusterEvent.NodeRemoved r) {
                nodes.remove(r.nodeId());
            } else if (e instanceof ClusterEvent.NodeNetworksAttached a) {
                attachedNow.add(a.nodeId());
            }
        }
        if (ingress == null) {
            return events;
        }
        String ingressId = ingress.id();
        List<String> missing = nodes.stream().filter(n -> !attachedNow.contains(n))
                .filter(n -> s.networks().nodeAttachmentsOf(n).stream().noneMatch(a -> a.networkId().equals(ingressId))).toList();
        if (missing.isEmpty()) {
            return events;
        }
        List<ClusterEvent> out = new ArrayList<>(events);
        long index = events.stream().mapToLong(ClusterEvent::index).max().orElse(s.index());
        try (NetworkLedger.Scratch x = s.networks().begin()) {
            for (ClusterEvent e : events) {
                TaskNetworks.pending(s, e, x);
            }
            for (String node : missing) {
                IpamResult<Ipv4> a = x.allocate(ingressId, Addresses.nodeOwner(node));
                if (a instanceof IpamResult.Refused<Ipv4>) {
                    continue;
                }
                List<NetworkAttachment> next = new ArrayList<>();
                next.add(new NetworkAttachment(ingressId, List.of(Addresses.cidr(a.orElseThrow(), ingress.prefixLength())), null));
                s.networks().nodeAttachmentsOf(node).stream().filter(o -> !o.networkId().equals(ingressId)).forEach(next::add);
                out.add(new ClusterEvent.NodeNetworksAttached(node, List.copyOf(next), ++index));
            }
        }
        return out;
    }
}
