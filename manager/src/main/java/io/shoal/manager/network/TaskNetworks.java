package io.shoal.manager.network;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.State;
import io.shoal.net.ipam.IpamResult;
import io.shoal.net.ipam.Ipv4;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses for new tasks (Swarm's allocator step): each task created in a batch of events gets one address
 * per network of its spec, plus one on the ingress network when its service publishes ingress ports, as a
 * {@link ClusterEvent.TaskNetworksAttached} appended to the same batch. A task whose network is full is
 * created {@code rejected} with the reason, and its slot is retried by the orchestrator.
 */
public final class TaskNetworks {
    private TaskNetworks() {}

    public static List<ClusterEvent> attach(State s, List<ClusterEvent> events, Instant now) {
        if (events.stream().noneMatch(e -> e instanceof ClusterEvent.TaskCreated)) {
            return events;
        }
        List<ClusterEvent> out = new ArrayList<>(events);
        Map<String, Endpoint> endpoints = new HashMap<>();
        Map<String, Network> networks = new HashMap<>();
        s.networks().networks().forEach(n -> networks.put(n.id(), n));
        long index = events.stream().mapToLong(ClusterEvent::index).max().orElse(s.index());
        try (NetworkLedger.Scratch x = s.networks().begin()) {
            for (ClusterEvent e : events) {
                pending(s, e, x);
                if (e instanceof ClusterEvent.NetworkCreated c) {
                    networks.put(c.network().id(), c.network());
                } else if (e instanceof ClusterEvent.ServiceEndpointAllocated a) {
                    endpoints.put(a.serviceId(), a.endpoint());
                }
            }
            for (int i = 0; i < events.size(); i++) {
                if (!(events.get(i) instanceof ClusterEvent.TaskCreated c)) {
                    continue;
                }
                Task t = c.task();
                Endpoint endpoint = endpoints.containsKey(t.serviceId()) ? endpoints.get(t.serviceId()) : s.networks().endpointOf(t.serviceId());
                List<NetworkAttachment> attachments = new ArrayList<>();
                String refused = allocate(t, targets(t, endpoint, s), networks, x, attachments);
                if (refused != null) {
                    TaskStatus status = new TaskStatus(now, TaskState.REJECTED, "failed to allocate network IP for task", refused, null);
                    out.set(i, new ClusterEvent.TaskCreated(t.withStatus(status, t.version(), now)));
                } else if (!attachments.isEmpty()) {
                    out.add(new ClusterEvent.TaskNetworksAttached(t.id(), List.copyOf(attachments), ++index));
                }
            }
        }
        return out;
    }

    /** Networks and addresses decided earlier in the same batch are taken before anything else is given one. */
    static void pending(State s, ClusterEvent e, NetworkLedger.Scratch x) {
        if (e instanceof ClusterEvent.NetworkCreated c) {
            x.addPending(c.network());
        } else if (e instanceof ClusterEvent.ServiceEndpointAllocated a) {
            List<Endpoint.VirtualIp> held = s.networks().endpointOf(a.serviceId()).virtualIps();
            for (Endpoint.VirtualIp vip : a.endpoint().virtualIps()) {
                if (!held.contains(vip)) {
                    x.reserve(vip.networkId(), Addresses.vipOwner(a.serviceId()), Addresses.address(vip.addr()));
                }
            }
        } else if (e instanceof ClusterEvent.TaskNetworksAttached a) {
            List<NetworkAttachment> held = s.networks().attachmentsOf(a.taskId());
            for (NetworkAttachment n : a.attachments()) {
                if (held.stream().noneMatch(h -> h.networkId().equals(n.networkId()))) {
                    n.addresses().forEach(addr -> x.reserve(n.networkId(), Addresses.taskOwner(a.taskId()), Addresses.address(addr)));
                }
            }
        } else if (e instanceof ClusterEvent.NodeRemoved r) {
            for (NetworkAttachment n : s.networks().nodeAttachmentsOf(r.nodeId())) {
                n.addresses().forEach(addr -> x.free(n.networkId(), Addresses.nodeOwner(r.nodeId()), Addresses.address(addr)));
            }
        } else if (e instanceof ClusterEvent.NodeNetworksAttached a) {
            List<NetworkAttachment> held = s.networks().nodeAttachmentsOf(a.nodeId());
            for (NetworkAttachment n : a.attachments()) {
                if (held.stream().noneMatch(h -> h.networkId().equals(n.networkId()))) {
                    n.addresses().forEach(addr -> x.reserve(n.networkId(), Addresses.nodeOwner(a.nodeId()), Addresses.address(addr)));
                }
            }
        }
    }

    /** The networks a task joins, in order: ingress first (when its service publishes there), then its spec's. */
    static List<TaskSpec.NetworkAttachmentConfig> targets(Task t, Endpoint endpoint, State s) {
        List<TaskSpec.NetworkAttachmentConfig> out = new ArrayList<>();
        if (endpoint.ports().stream().anyMatch(Ports::isIngress)) {
            s.networks().ingress().ifPresent(n -> out.add(new TaskSpec.NetworkAttachmentConfig(n.id(), null, null)));
        }
        if (t.spec() != null && t.spec().networks() != null) {
            out.addAll(t.spec().networks());
        }
        return out;
    }

    /** Fills {@code attachments}; answers why not when a network is unknown or full. */
    private static String allocate(Task t, List<TaskSpec.NetworkAttachmentConfig> targets, Map<String, Network> networks,
                                   NetworkLedger.Scratch x, List<NetworkAttachment> attachments) {
        for (TaskSpec.NetworkAttachmentConfig c : targets) {
            Network n = networks.get(c.target());
            if (n == null) {
                return "network " + c.target() + " not found";
            }
            IpamResult<Ipv4> a = x.allocate(n.id(), Addresses.taskOwner(t.id()));
            if (a instanceof IpamResult.Refused<Ipv4> no) {
                return "network " + n.spec().name() + ": " + no.error().kind() + " " + no.error().detail();
            }
            attachments.add(new NetworkAttachment(n.id(), List.of(Addresses.cidr(a.orElseThrow(), n.prefixLength())),
                    c.aliases() == null || c.aliases().isEmpty() ? null : List.copyOf(c.aliases())));
        }
        return null;
    }
}
