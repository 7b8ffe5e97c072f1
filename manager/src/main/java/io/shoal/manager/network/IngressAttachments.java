package io.shoal.manager.network;

import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Task;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.net.ipam.IpamResult;
import io.shoal.net.ipam.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * When an update makes a service start or stop publishing ingress ports, its running tasks join or leave
 * the ingress network in place (their spec did not change, so they are not replaced): each gets a
 * {@link ClusterEvent.TaskNetworksAttached} with the ingress attachment added first or dropped.
 */
final class IngressAttachments {
    private IngressAttachments() {}

    static List<ClusterEvent> reattach(State s, String serviceId, boolean join, NetworkLedger.Scratch x, long lastIndex) {
        Network ingress = s.networks().ingress().orElse(null);
        if (ingress == null) {
            return List.of();
        }
        long index = lastIndex;
        List<ClusterEvent> out = new ArrayList<>();
        for (Task t : s.tasksOf(serviceId)) {
            if (t.status().state().isTerminal()) {
                continue;
            }
            List<NetworkAttachment> now = s.networks().attachmentsOf(t.id());
            boolean onIngress = now.stream().anyMatch(a -> a.networkId().equals(ingress.id()));
            if (join == onIngress) {
                continue;
            }
            List<NetworkAttachment> next = new ArrayList<>();
            if (join) {
                IpamResult<Ipv4> a = x.allocate(ingress.id(), Addresses.taskOwner(t.id()));
                if (a instanceof IpamResult.Refused<Ipv4> no) {
                    throw new ServiceEndpoints.Refusal(Result.Reason.INVALID, "EndpointSpec.Ports: no address left on the ingress network for task "
                            + t.id() + ": " + no.error().detail());
                }
                next.add(new NetworkAttachment(ingress.id(), List.of(Addresses.cidr(a.orElseThrow(), ingress.prefixLength())), null));
                next.addAll(now);
            } else {
                now.stream().filter(a -> !a.networkId().equals(ingress.id())).forEach(next::add);
            }
            out.add(new ClusterEvent.TaskNetworksAttached(t.id(), List.copyOf(next), ++index));
        }
        return out;
    }
}
