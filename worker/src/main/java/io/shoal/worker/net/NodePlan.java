package io.shoal.worker.net;

import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.NodeEndpoint;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.net.dns.NameDirectory;
import io.shoal.net.dns.NetworkNames;
import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.lb.Backend;
import io.shoal.net.lb.NftRenderer;
import io.shoal.net.lb.NftTable;
import io.shoal.net.lb.PublishedPort;
import io.shoal.api.model.ServiceSpec;
import java.util.Optional;
import io.shoal.net.lb.ServiceVip;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * What this node's data plane should be, from the managers' {@link NetworkView} and the local tasks whose
 * namespace exists (pure): the {@link HostNetworks} for the planner (a network is on the host while one of
 * its local tasks is attached; remote endpoints are the other nodes' tasks on it), each local task's VIP
 * table (services with a VIP on a network the task joins, backends their ready tasks there), the DNS names
 * of each network and each local task's networks by address, and the node's isolation, egress and published
 * ports tables. The routing mesh ({@link Mesh}): while the view gives this node an ingress address, the ingress
 * network is on the host even without a local task, its bridge holds that address, the other nodes' ingress
 * addresses are remote endpoints beside the tasks, and ingress ports reach ready tasks on every node.
 */
public record NodePlan(HostNetworks links, Map<String, NftTable> vipTables, NameDirectory names,
                       Map<Ipv4, List<String>> dnsClients, List<Ipv4> dnsAddresses, NftTable isolation, NftTable egress,
                       NftTable ports) {

    public static final String VIP_TABLE = "shoal_vip";
    public static final String ISOLATION_TABLE = "shoal_isolation";
    public static final String EGRESS_TABLE = "shoal_egress";
    public static final String PORTS_TABLE = "shoal_ports";

    /**
     * @param attached each local task with a namespace, and its attachments (from its assignment)
     * @param netns the namespace name of a local task
     */
    public static NodePlan of(String nodeId, Ipv4 underlay, Naming naming, NetworkView view,
                              Map<String, List<NetworkAttachment>> attached, Function<String, NetnsName> netns) {
        Map<String, NetworkInfo> networks = new LinkedHashMap<>();
        view.networks().forEach(n -> networks.put(n.id(), n));
        Optional<Mesh> mesh = Mesh.of(nodeId, naming, view);
        Map<String, List<HostNetworks.LocalEndpoint>> local = new LinkedHashMap<>();
        Map<Ipv4, List<String>> clients = new LinkedHashMap<>();
        Map<String, NftTable> vipTables = new LinkedHashMap<>();
        // Tasks on the same networks have the same VIP table: rendered once per set of networks, not per task.
        Map<List<String>, NftTable> tableOfNetworks = new HashMap<>();
        for (Map.Entry<String, List<NetworkAttachment>> task : attached.entrySet()) {
            List<String> joined = new ArrayList<>();
            List<NetworkAttachment> own = task.getValue();
            for (int i = 0; i < own.size(); i++) {
                NetworkAttachment a = own.get(i);
                if (!networks.containsKey(a.networkId()) || a.addresses() == null || a.addresses().isEmpty()) {
                    continue;
                }
                Ipv4 address = address(a.addresses().get(0));
                local.computeIfAbsent(a.networkId(), k -> new ArrayList<>()).add(new HostNetworks.LocalEndpoint(
                        task.getKey(), netns.apply(task.getKey()), new IfName("eth" + i), address));
                clients.computeIfAbsent(address, k -> new ArrayList<>()).add(a.networkId());
                joined.add(a.networkId());
            }
            vipTables.put(task.getKey(), tableOfNetworks.computeIfAbsent(List.copyOf(joined),
                    j -> NftRenderer.vips(VIP_TABLE, vips(view, j))));
        }
        // The routing mesh: the node joins the ingress network even with no task of its own there.
        mesh.ifPresent(m -> local.putIfAbsent(m.network().id(), new ArrayList<>()));
        List<HostNetworks.Network> hostNetworks = new ArrayList<>();
        List<IfName> bridges = new ArrayList<>();
        List<IfName> internal = new ArrayList<>();
        List<NftRenderer.Egress> egress = new ArrayList<>();
        List<NftRenderer.Egress> hairpins = new ArrayList<>();
        List<Ipv4> dns = new ArrayList<>();
        Map<String, NetworkNames> names = new LinkedHashMap<>();
        for (Map.Entry<String, List<HostNetworks.LocalEndpoint>> e : local.entrySet()) {
            NetworkInfo n = networks.get(e.getKey());
            Cidr subnet = Cidr.of(n.subnet());
            boolean meshed = mesh.isPresent() && mesh.get().network().id().equals(n.id());
            Ipv4 gateway = gateway(n, mesh);
            List<HostNetworks.RemoteEndpoint> remote = new ArrayList<>();
            if (n.vni() > 0) {
                for (Peer p : n.peers()) {
                    if (!p.nodeId().equals(nodeId) && !p.nodeAddr().isEmpty()) {
                        remote.add(new HostNetworks.RemoteEndpoint(address(p.address()), Ipv4.of(p.nodeAddr())));
                    }
                }
                if (meshed) {
                    for (NodeEndpoint other : n.nodes()) {
                        if (!other.nodeId().equals(nodeId) && !other.nodeAddr().isEmpty()) {
                            remote.add(new HostNetworks.RemoteEndpoint(address(other.address()), Ipv4.of(other.nodeAddr())));
                        }
                    }
                }
            }
            hostNetworks.add(new HostNetworks.Network(n.id(), subnet, gateway, n.vni() > 0 ? OptionalInt.of(n.vni())
                    : OptionalInt.empty(), n.internal(), e.getValue(), remote));
            IfName bridge = naming.bridge(n.id());
            bridges.add(bridge);
            if (!meshed) {
                hairpins.add(new NftRenderer.Egress(subnet, bridge)); // ingress has the mesh's SNAT instead
            }
            if (n.internal()) {
                internal.add(bridge);
            } else {
                egress.add(new NftRenderer.Egress(subnet, bridge));
            }
            if (!e.getValue().isEmpty()) {
                dns.add(gateway); // the tasks' resolver: none for a network this node joined only for the mesh
            }
            names.put(n.id(), names(view, n));
        }
        return new NodePlan(new HostNetworks(underlay, hostNetworks), vipTables, new NameDirectory(names), clients, dns,
                NftRenderer.isolation(ISOLATION_TABLE, naming.prefix() + "b", bridges, internal, mesh.map(Mesh::bridge)),
                NftRenderer.egress(EGRESS_TABLE, egress),
                NftRenderer.publishedPorts(PORTS_TABLE, ports(nodeId, view, attached.keySet(), mesh.isPresent()),
                        mesh.map(m -> new NftRenderer.IngressSource(m.bridge(), m.address())), hairpins));
    }

    /**
     * The resolver a local task with these attachments is given: the address of the bridge of its first network
     * this node knows (the first of the plan's {@link #dnsAddresses} were the task alone on the node), without
     * planning the node.
     */
    public static Optional<Ipv4> resolver(String nodeId, Naming naming, NetworkView view, List<NetworkAttachment> networks) {
        Optional<Mesh> mesh = Mesh.of(nodeId, naming, view);
        for (NetworkAttachment a : networks) {
            if (a.addresses() == null || a.addresses().isEmpty()) {
                continue;
            }
            for (NetworkInfo n : view.networks()) {
                if (n.id().equals(a.networkId())) {
                    return Optional.of(gateway(n, mesh));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The address of a network's bridge here: on the ingress network this node's own address (its MAC derives from
     * it, so the other nodes reach it like a task); elsewhere the gateway.
     */
    private static Ipv4 gateway(NetworkInfo n, Optional<Mesh> mesh) {
        return mesh.isPresent() && mesh.get().network().id().equals(n.id()) ? mesh.get().address() : Ipv4.of(n.gateway());
    }

    /**
     * This node's share of the routing mesh: the ingress network, its bridge here and the node's own address on it.
     * Present while the view has the ingress network with an endpoint for this node (the managers send it to every
     * node while any service publishes an ingress port).
     */
    record Mesh(NetworkInfo network, IfName bridge, Ipv4 address) {
        static Optional<Mesh> of(String nodeId, Naming naming, NetworkView view) {
            for (NetworkInfo n : view.networks()) {
                if (!n.ingress()) {
                    continue;
                }
                for (NodeEndpoint e : n.nodes()) {
                    if (e.nodeId().equals(nodeId)) {
                        return Optional.of(new Mesh(n, naming.bridge(n.id()), NodePlan.address(e.address())));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Published ports DNATed on this node. Host mode: to this node's own ready tasks of the service. Ingress mode,
     * with the mesh: to the service's ready tasks on the ingress network on every node (the ports table SNATs what
     * leaves through the ingress bridge to this node's ingress address, so replies come back through here); without
     * it (the managers gave this node no ingress address): to its own tasks only.
     */
    private static List<PublishedPort> ports(String nodeId, NetworkView view, Set<String> attached, boolean mesh) {
        List<PublishedPort> out = new ArrayList<>();
        for (ServiceInfo s : view.services()) {
            for (ServiceSpec.PortConfig p : s.ports()) {
                if (p.publishedPort() == null || p.publishedPort() < 1 || p.targetPort() == null || p.targetPort() < 1) {
                    continue;
                }
                boolean ingress = !"host".equals(p.publishMode());
                Map<String, Backend> backends = new LinkedHashMap<>();
                // Host mode prefers a task's address on another network: on ingress the mesh's SNAT would hide the client.
                List<NetworkInfo> order = view.networks().stream().sorted(java.util.Comparator.comparing(NetworkInfo::ingress)).toList();
                for (NetworkInfo n : order) {
                    if (ingress && !n.ingress()) {
                        continue;
                    }
                    n.peers().stream().filter(q -> q.serviceId().equals(s.id()))
                            .filter(q -> q.nodeId().equals(nodeId) ? attached.contains(q.taskId()) : ingress && mesh && !q.nodeAddr().isEmpty())
                            .forEach(q -> backends.putIfAbsent(q.taskId(), new Backend(address(q.address()), q.ready())));
                }
                if (!backends.isEmpty()) {
                    out.add(new PublishedPort("udp".equals(p.protocol()) ? PublishedPort.Protocol.UDP : PublishedPort.Protocol.TCP,
                            p.publishedPort(), p.targetPort(), ingress ? PublishedPort.Mode.INGRESS : PublishedPort.Mode.HOST,
                            List.copyOf(backends.values())));
                }
            }
        }
        return out;
    }

    /** {@code 10.0.1.5/24} or {@code 10.0.1.5} → the address. */
    static Ipv4 address(String cidrOrAddress) {
        int slash = cidrOrAddress.indexOf('/');
        return Ipv4.of(slash < 0 ? cidrOrAddress : cidrOrAddress.substring(0, slash));
    }

    private static List<ServiceVip> vips(NetworkView view, List<String> joined) {
        List<ServiceVip> out = new ArrayList<>();
        for (ServiceInfo s : view.services()) {
            for (Endpoint.VirtualIp vip : s.virtualIps()) {
                if (!joined.contains(vip.networkId()) || !"vip".equals(s.endpointMode())) {
                    continue;
                }
                List<Backend> backends = new ArrayList<>();
                view.networks().stream().filter(n -> n.id().equals(vip.networkId())).flatMap(n -> n.peers().stream())
                        .filter(p -> p.serviceId().equals(s.id()))
                        .forEach(p -> backends.add(new Backend(address(p.address()), p.ready())));
                out.add(new ServiceVip(s.id(), address(vip.addr()), backends));
            }
        }
        return out;
    }

    private static NetworkNames names(NetworkView view, NetworkInfo n) {
        List<NetworkNames.Service> services = new ArrayList<>();
        for (ServiceInfo s : view.services()) {
            List<Peer> tasks = n.peers().stream().filter(p -> p.serviceId().equals(s.id())).toList();
            var vip = s.virtualIps().stream().filter(v -> v.networkId().equals(n.id())).map(v -> address(v.addr())).findFirst();
            if (tasks.isEmpty() && vip.isEmpty()) {
                continue;
            }
            Set<String> aliases = new LinkedHashSet<>();
            tasks.forEach(p -> aliases.addAll(p.aliases()));
            boolean dnsrr = "dnsrr".equals(s.endpointMode());
            services.add(new NetworkNames.Service(s.name(), List.copyOf(aliases),
                    dnsrr ? NetworkNames.EndpointMode.DNSRR : NetworkNames.EndpointMode.VIP, dnsrr ? java.util.Optional.empty() : vip,
                    tasks.stream().filter(Peer::ready).map(p -> address(p.address())).toList()));
        }
        List<NetworkNames.Container> containers = n.peers().stream()
                .map(p -> new NetworkNames.Container(p.taskId(), List.of(), address(p.address()))).toList();
        return new NetworkNames(n.id(), services, containers);
    }
}
