package io.shoal.manager.dispatch;

import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.NodeEndpoint;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.network.Networking;
import io.shoal.manager.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each node's {@link NetworkView}: the networks its live tasks join, with every live task on them across the
 * cluster (its address, node and that node's underlay address), and the services with an endpoint there. A
 * task is live from {@code assigned} until it stops (desired or observed past {@code running}); it is
 * {@code ready} for traffic only while observed {@code running} (a task with a health check stays
 * {@code starting} until healthy and fails when unhealthy, so unhealthy tasks are never ready). While any service
 * publishes an ingress port, every node gets the ingress network, with every node's own address there (the
 * routing mesh: each node forwards its published ports to ready tasks on any node). Pure: one pass over a
 * snapshot.
 */
public final class NodeNetworks {
    private NodeNetworks() {}

    public static Map<String, NetworkView> byNode(StateSnapshot s) {
        Networking net = s.networking();
        Map<String, String> nodeAddr = new HashMap<>();
        for (Node n : s.nodes()) {
            nodeAddr.put(n.id(), n.status() == null || n.status().addr() == null ? "" : n.status().addr());
        }
        Map<String, List<Peer>> peersByNetwork = new HashMap<>();
        Map<String, Set<String>> networksByNode = new HashMap<>();
        Map<String, Set<String>> networksByService = new HashMap<>();
        for (Task t : s.tasks()) {
            if (!live(t)) {
                continue;
            }
            for (NetworkAttachment a : net.attachmentsOf(t.id())) {
                if (a.addresses() == null || a.addresses().isEmpty()) {
                    continue;
                }
                peersByNetwork.computeIfAbsent(a.networkId(), k -> new ArrayList<>()).add(new Peer(t.id(), t.serviceId(),
                        t.nodeId(), nodeAddr.getOrDefault(t.nodeId(), ""), a.addresses().get(0), a.aliases(),
                        t.status().state() == TaskState.RUNNING));
                networksByNode.computeIfAbsent(t.nodeId(), k -> new LinkedHashSet<>()).add(a.networkId());
                networksByService.computeIfAbsent(t.serviceId(), k -> new HashSet<>()).add(a.networkId());
            }
        }
        Network ingress = net.ingress().orElse(null);
        List<NodeEndpoint> mesh = List.of();
        if (ingress != null && publishesIngress(net)) {
            mesh = meshEndpoints(s, ingress, nodeAddr);
            for (Node n : s.nodes()) {
                networksByNode.computeIfAbsent(n.id(), k -> new LinkedHashSet<>()).add(ingress.id());
            }
        }
        Map<String, NetworkView> out = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : networksByNode.entrySet()) {
            List<NetworkInfo> networks = new ArrayList<>();
            for (String id : e.getValue()) {
                List<NodeEndpoint> nodes = ingress != null && id.equals(ingress.id()) ? mesh : List.of();
                net.network(id).ifPresent(n -> networks.add(info(n, peersByNetwork.getOrDefault(id, List.of()), nodes)));
            }
            out.put(e.getKey(), new NetworkView(networks, services(s, e.getValue(), networksByService)));
        }
        return out;
    }

    static boolean live(Task t) {
        return t.nodeId() != null && t.desiredState().compareTo(TaskState.RUNNING) <= 0
                && t.status().state().compareTo(TaskState.ASSIGNED) >= 0 && t.status().state().compareTo(TaskState.RUNNING) <= 0;
    }

    /** Whether any service publishes a port in ingress mode: then every node joins the ingress network. */
    private static boolean publishesIngress(Networking net) {
        return net.endpoints().values().stream().flatMap(e -> e.ports().stream())
                .anyMatch(p -> !"host".equals(p.publishMode()) && p.publishedPort() != null && p.publishedPort() > 0);
    }

    /** Every node's own ingress address with its underlay address (nodes without either are left out). */
    private static List<NodeEndpoint> meshEndpoints(StateSnapshot s, Network ingress, Map<String, String> nodeAddr) {
        List<NodeEndpoint> out = new ArrayList<>();
        for (Node n : s.nodes()) {
            String underlay = nodeAddr.getOrDefault(n.id(), "");
            s.networking().nodeAttachmentsOf(n.id()).stream().filter(a -> a.networkId().equals(ingress.id()))
                    .filter(a -> a.addresses() != null && !a.addresses().isEmpty()).findFirst()
                    .ifPresent(a -> out.add(new NodeEndpoint(n.id(), underlay, a.addresses().get(0))));
        }
        return out;
    }

    private static NetworkInfo info(Network n, List<Peer> peers, List<NodeEndpoint> nodes) {
        String subnet = n.pools() == null || n.pools().isEmpty() ? "" : n.pools().get(0).subnet();
        String gateway = n.pools() == null || n.pools().isEmpty() || n.pools().get(0).gateway() == null ? "" : n.pools().get(0).gateway();
        return new NetworkInfo(n.id(), n.spec().name(), n.vni() == null ? 0 : n.vni(), subnet, gateway, n.spec().internal(),
                n.spec().ingress(), peers, nodes);
    }

    /** Services with a VIP on one of {@code networks} or live tasks there (dnsrr), in the snapshot's order. */
    private static List<ServiceInfo> services(StateSnapshot s, Set<String> networks, Map<String, Set<String>> networksByService) {
        List<ServiceInfo> out = new ArrayList<>();
        for (Service v : s.services()) {
            Endpoint e = s.networking().endpointOf(v.id());
            List<Endpoint.VirtualIp> vips = e.virtualIps().stream().filter(p -> networks.contains(p.networkId())).toList();
            if (vips.isEmpty() && networksByService.getOrDefault(v.id(), Set.of()).stream().noneMatch(networks::contains)) {
                continue;
            }
            ServiceSpec.EndpointSpec spec = v.spec().endpointSpec();
            String mode = spec == null || spec.mode() == null || spec.mode().isEmpty() ? "vip" : spec.mode();
            out.add(new ServiceInfo(v.id(), v.spec().name(), mode, vips, e.ports()));
        }
        return out;
    }
}
