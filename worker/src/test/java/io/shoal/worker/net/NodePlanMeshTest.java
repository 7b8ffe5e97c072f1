package io.shoal.worker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.NodeEndpoint;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.ServiceSpec;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.Batch;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.IpBatchRenderer;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.NetworkPlanner;
import io.shoal.net.plan.Naming;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing mesh in a node's plan: ingress (VNI 4096, 10.0.0.0/24) with node endpoints A .2, B .3, C .4; service
 * web publishes 8080→80 in ingress mode with w1 on B and w2 on C ready, w3 on C not ready; service api publishes
 * 9090→90 in host mode with f1 here (A) and f2 on B on overlay front.
 */
class NodePlanMeshTest {
    static final Naming NAMING = new Naming("tq");
    static final String ING = NAMING.bridge("ing").value();
    static final String ING_VXLAN = NAMING.vxlan("ing").value();

    static NetworkView view(List<NodeEndpoint> nodes) {
        return new NetworkView(List.of(
                new NetworkInfo("ing", "ingress", 4096, "10.0.0.0/24", "10.0.0.1", false, true, List.of(
                        new Peer("w1", "web", "B", "192.168.9.2", "10.0.0.7/24", List.of(), true),
                        new Peer("w2", "web", "C", "192.168.9.3", "10.0.0.8/24", List.of(), true),
                        new Peer("w3", "web", "C", "192.168.9.3", "10.0.0.9/24", List.of(), false)), nodes),
                new NetworkInfo("front", "front", 4097, "10.0.1.0/24", "10.0.1.1", false, false, List.of(
                        new Peer("f1", "api", "A", "192.168.9.1", "10.0.1.5/24", List.of(), true),
                        new Peer("f2", "api", "B", "192.168.9.2", "10.0.1.6/24", List.of(), true)))),
                List.of(new ServiceInfo("web", "web", "vip", List.of(new Endpoint.VirtualIp("ing", "10.0.0.5/24")),
                                List.of(new ServiceSpec.PortConfig(null, "tcp", 80, 8080, "ingress"))),
                        new ServiceInfo("api", "api", "vip", List.of(new Endpoint.VirtualIp("front", "10.0.1.2/24")),
                                List.of(new ServiceSpec.PortConfig(null, "tcp", 90, 9090, "host")))));
    }

    static final List<NodeEndpoint> MESH = List.of(new NodeEndpoint("A", "192.168.9.1", "10.0.0.2/24"),
            new NodeEndpoint("B", "192.168.9.2", "10.0.0.3/24"), new NodeEndpoint("C", "192.168.9.3", "10.0.0.4/24"));

    static NodePlan plan(String node, Map<String, List<NetworkAttachment>> attached, List<NodeEndpoint> nodes) {
        Ipv4 underlay = Ipv4.of(switch (node) { case "A" -> "192.168.9.1"; case "B" -> "192.168.9.2"; default -> "192.168.9.3"; });
        return NodePlan.of(node, underlay, NAMING, view(nodes), attached, id -> new NetnsName("ns-" + id));
    }

    @Test
    void aNodeWithoutTasksJoinsIngressWithItsOwnAddressAndEveryOtherNodesEndpointAndTask() {
        NodePlan p = plan("A", Map.of(), MESH);

        assertThat(p.links().networks()).singleElement().satisfies(n -> {
            assertThat(n.networkId()).isEqualTo("ing");
            assertThat(n.bridgeAddress()).isEqualTo(Ipv4.of("10.0.0.2"));
            assertThat(n.local()).isEmpty();
            assertThat(n.remote()).containsExactly(remote("10.0.0.7", "192.168.9.2"), remote("10.0.0.8", "192.168.9.3"),
                    remote("10.0.0.9", "192.168.9.3"), remote("10.0.0.3", "192.168.9.2"), remote("10.0.0.4", "192.168.9.3"));
        });
        assertThat(p.dnsAddresses()).isEmpty();
        String links = IpBatchRenderer.render(new NetworkPlanner(NAMING).plan(HostNetworks.empty(Ipv4.of("192.168.9.1")), p.links()))
                .stream().map(Batch::text).reduce("", String::concat);
        assertThat(links).contains(
                "link add " + ING + " address 02:42:0a:00:00:02 type bridge\n",
                "addr add 10.0.0.2/24 dev " + ING + "\n",
                "type vxlan id 4096 local 192.168.9.1",
                "neigh replace 10.0.0.3 lladdr 02:42:0a:00:00:03 dev " + ING_VXLAN + " nud permanent\n",
                "fdb replace 02:42:0a:00:00:03 dev " + ING_VXLAN + " dst 192.168.9.2 self permanent\n",
                "fdb replace 02:42:0a:00:00:08 dev " + ING_VXLAN + " dst 192.168.9.3 self permanent\n");
    }

    @Test
    void anIngressTasksResolverIsTheNodesIngressAddressAsInAPlanOfItAlone() {
        List<NetworkAttachment> networks = List.of(new NetworkAttachment("ing", List.of("10.0.0.7/24"), null),
                new NetworkAttachment("front", List.of("10.0.1.9/24"), null));
        assertThat(NodePlan.resolver("B", NAMING, view(MESH), networks)).hasValue(Ipv4.of("10.0.0.3"))
                .isEqualTo(plan("B", Map.of("w1", networks), MESH).dnsAddresses().stream().findFirst());
        assertThat(NodePlan.resolver("B", NAMING, view(List.of()), networks)).as("no ingress address: the gateway")
                .hasValue(Ipv4.of("10.0.0.1"))
                .isEqualTo(plan("B", Map.of("w1", networks), List.of()).dnsAddresses().stream().findFirst());
    }

    @Test
    void anIngressPortIsDnatedToTheReadyTasksOnEveryNodeAndSnatedToThisNodesIngressAddress() {
        NodePlan p = plan("A", Map.of(), MESH);

        assertThat(p.ports().text()).isEqualTo("table ip shoal_ports\ndelete table ip shoal_ports\ntable ip shoal_ports {\n"
                + "\tchain prerouting {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
                + "\t\tfib daddr type local jump ports\n\t}\n\n"
                + "\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n"
                + "\t\tip daddr != 127.0.0.0/8 fib daddr type local jump ports\n\t}\n\n"
                + "\tchain ports {\n"
                + "\t\ttcp dport 8080 dnat to numgen random mod 2 map { 0 : 10.0.0.7, 1 : 10.0.0.8 }:80\n\t}\n\n"
                + "\tchain postrouting {\n\t\ttype nat hook postrouting priority 100; policy accept;\n"
                + "\t\toifname \"" + ING + "\" ct status dnat snat to 10.0.0.2\n\t}\n}\n");
    }

    @Test
    void aNodeWithAnIngressTaskGivesItsVethTheNodeAddressAsGatewayAndBalancesOverLocalAndRemoteTasks() {
        NodePlan p = plan("B", Map.of("w1", List.of(new NetworkAttachment("ing", List.of("10.0.0.7/24"), null))), MESH);

        HostNetworks.Network ing = p.links().networks().get(0);
        assertThat(ing.bridgeAddress()).isEqualTo(Ipv4.of("10.0.0.3"));
        assertThat(ing.local()).extracting(HostNetworks.LocalEndpoint::address).containsExactly(Ipv4.of("10.0.0.7"));
        assertThat(ing.remote()).extracting(HostNetworks.RemoteEndpoint::address).doesNotContain(Ipv4.of("10.0.0.7"), Ipv4.of("10.0.0.3"))
                .contains(Ipv4.of("10.0.0.2"), Ipv4.of("10.0.0.4"));
        assertThat(p.dnsAddresses()).containsExactly(Ipv4.of("10.0.0.3"));
        assertThat(p.ports().text()).contains("tcp dport 8080 dnat to numgen random mod 2 map { 0 : 10.0.0.7, 1 : 10.0.0.8 }:80")
                .contains("snat to 10.0.0.3");
        // Before its namespace exists, the local task gets no traffic; the remote ready one does.
        assertThat(plan("B", Map.of(), MESH).ports().text()).contains("tcp dport 8080 dnat to 10.0.0.8:80");
    }

    @Test
    void hostModePortsStayOnThisNodesTasksAndIsolationLetsOnlyPublishedConnectionsCrossToIngress() {
        NodePlan p = plan("A", Map.of("f1", List.of(new NetworkAttachment("front", List.of("10.0.1.5/24"), null))), MESH);

        assertThat(p.links().networks()).extracting(HostNetworks.Network::networkId).containsExactly("front", "ing");
        assertThat(p.ports().text()).contains("tcp dport 9090 dnat to 10.0.1.5:90\n").doesNotContain("10.0.1.6");
        String front = NAMING.bridge("front").value();
        assertThat(p.isolation().text()).contains(
                "\t\toifname \"" + ING + "\" ct status dnat accept\n\t\tiifname \"" + ING + "\" ct status dnat accept\n",
                "iifname \"" + front + "\" oifname != \"" + front + "\" oifname \"tqb*\" drop",
                "iifname \"" + ING + "\" oifname != \"" + ING + "\" oifname \"tqb*\" drop");
    }

    @Test
    void withoutItsOwnIngressAddressANodeServesIngressPortsFromItsOwnTasksOnlyAsBefore() {
        List<NodeEndpoint> others = MESH.subList(1, 3);
        assertThat(plan("A", Map.of(), others).links().networks()).isEmpty();
        assertThat(plan("A", Map.of(), others).ports().text()).doesNotContain("dport 8080").doesNotContain("snat");

        NodePlan c = plan("C", Map.of("w2", List.of(new NetworkAttachment("ing", List.of("10.0.0.8/24"), null))), MESH.subList(0, 2));
        assertThat(c.links().networks().get(0).bridgeAddress()).isEqualTo(Ipv4.of("10.0.0.1"));
        assertThat(c.ports().text()).contains("tcp dport 8080 dnat to 10.0.0.8:80\n").doesNotContain("snat");
    }

    @Test
    void anIngressPortWithNoReadyTaskAnywhereGetsNoRule() {
        NetworkView v = view(MESH);
        NetworkInfo ing = v.networks().get(0);
        NetworkInfo down = new NetworkInfo(ing.id(), ing.name(), ing.vni(), ing.subnet(), ing.gateway(), false, true,
                ing.peers().stream().map(q -> new Peer(q.taskId(), q.serviceId(), q.nodeId(), q.nodeAddr(), q.address(), q.aliases(), false))
                        .toList(), ing.nodes());
        NodePlan p = NodePlan.of("A", Ipv4.of("192.168.9.1"), NAMING, new NetworkView(List.of(down, v.networks().get(1)), v.services()),
                Map.of(), id -> new NetnsName("ns-" + id));
        assertThat(p.ports().text()).doesNotContain("dport 8080");
    }

    @Test
    void aHostModePortOfATaskOnIngressAndAnotherNetworkUsesTheOtherAddressSoTheMeshSnatKeepsOff() {
        NetworkView v = view(MESH);
        NetworkInfo ing = v.networks().get(0);
        NetworkInfo withF1 = new NetworkInfo(ing.id(), ing.name(), ing.vni(), ing.subnet(), ing.gateway(), false, true,
                List.of(new Peer("f1", "api", "A", "192.168.9.1", "10.0.0.12/24", List.of(), true)), ing.nodes());
        NodePlan p = NodePlan.of("A", Ipv4.of("192.168.9.1"), NAMING, new NetworkView(List.of(withF1, v.networks().get(1)), v.services()),
                Map.of("f1", List.of(new NetworkAttachment("ing", List.of("10.0.0.12/24"), null),
                        new NetworkAttachment("front", List.of("10.0.1.5/24"), null))), id -> new NetnsName("ns-" + id));
        assertThat(p.ports().text()).contains("tcp dport 9090 dnat to 10.0.1.5:90\n").doesNotContain("10.0.0.12:90");
    }

    static HostNetworks.RemoteEndpoint remote(String address, String host) {
        return new HostNetworks.RemoteEndpoint(Ipv4.of(address), Ipv4.of(host));
    }
}
