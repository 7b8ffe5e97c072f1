package io.shoal.worker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.ServiceSpec;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.HostNetworks;
import io.shoal.net.plan.NetnsName;
import io.shoal.net.plan.Naming;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodePlanTest {
    static final Naming NAMING = new Naming("tq");

    /** front (overlay): web.1 here (A), web.2 and api.1 on B; back (bridge, internal): db.1 here. */
    static NetworkView view() {
        return new NetworkView(List.of(
                new NetworkInfo("front", "front", 4097, "10.0.1.0/24", "10.0.1.1", false, false, List.of(
                        new Peer("w1", "web", "A", "192.168.9.1", "10.0.1.5/24", List.of("www"), true),
                        new Peer("w2", "web", "B", "192.168.9.2", "10.0.1.6/24", List.of("www"), true),
                        new Peer("w3", "web", "B", "192.168.9.2", "10.0.1.8/24", List.of("www"), false),
                        new Peer("p1", "api", "B", "192.168.9.2", "10.0.1.7/24", List.of(), true))),
                new NetworkInfo("back", "back", 0, "10.0.2.0/24", "10.0.2.1", true, false, List.of(
                        new Peer("d1", "db", "A", "192.168.9.1", "10.0.2.5/24", List.of(), true)))),
                List.of(new ServiceInfo("web", "web", "vip", List.of(new Endpoint.VirtualIp("front", "10.0.1.2/24")),
                                List.of(new ServiceSpec.PortConfig(null, "tcp", 80, 8080, "host"))),
                        new ServiceInfo("api", "api", "dnsrr", List.of(), List.of()),
                        new ServiceInfo("db", "db", "vip", List.of(new Endpoint.VirtualIp("back", "10.0.2.2/24")), List.of())));
    }

    static NodePlan plan(Map<String, List<NetworkAttachment>> attached) {
        return NodePlan.of("A", Ipv4.of("192.168.9.1"), NAMING, view(), attached, id -> new NetnsName("ns-" + id));
    }

    @Test
    void anOverlayWithALocalTaskGetsItsVethAndTheOtherNodesTasksAsRemoteEndpoints() {
        NodePlan p = plan(Map.of("w1", List.of(new NetworkAttachment("front", List.of("10.0.1.5/24"), null))));

        HostNetworks.Network front = p.links().networks().get(0);
        assertThat(p.links().networks()).hasSize(1);
        assertThat(front.vni()).hasValue(4097);
        assertThat(front.bridgeAddress()).isEqualTo(Ipv4.of("10.0.1.1"));
        assertThat(front.local()).containsExactly(new HostNetworks.LocalEndpoint("w1", new NetnsName("ns-w1"),
                new io.shoal.net.plan.IfName("eth0"), Ipv4.of("10.0.1.5")));
        assertThat(front.remote()).containsExactly(new HostNetworks.RemoteEndpoint(Ipv4.of("10.0.1.6"), Ipv4.of("192.168.9.2")),
                new HostNetworks.RemoteEndpoint(Ipv4.of("10.0.1.8"), Ipv4.of("192.168.9.2")),
                new HostNetworks.RemoteEndpoint(Ipv4.of("10.0.1.7"), Ipv4.of("192.168.9.2")));
        assertThat(p.dnsAddresses()).containsExactly(Ipv4.of("10.0.1.1"));
    }

    @Test
    void aTasksResolverIsTheBridgeOfItsFirstKnownNetworkAsInAPlanOfItAlone() {
        NetworkAttachment front = new NetworkAttachment("front", List.of("10.0.1.5/24"), null);
        NetworkAttachment back = new NetworkAttachment("back", List.of("10.0.2.5/24"), null);
        NetworkAttachment unknown = new NetworkAttachment("gone", List.of("10.0.9.5/24"), null);
        NetworkAttachment unaddressed = new NetworkAttachment("back", List.of(), null);
        for (List<NetworkAttachment> networks : List.of(List.of(front), List.of(back, front), List.of(unknown, front),
                List.of(unaddressed, front), List.of(front, back))) {
            assertThat(NodePlan.resolver("A", NAMING, view(), networks)).as("%s", networks)
                    .isEqualTo(plan(Map.of("x", networks)).dnsAddresses().stream().findFirst());
        }
        assertThat(NodePlan.resolver("A", NAMING, view(), List.of(back, front))).hasValue(Ipv4.of("10.0.2.1"));
        assertThat(NodePlan.resolver("A", NAMING, view(), List.of(unknown))).isEmpty();
    }

    @Test
    void aTasksVipTableBalancesOverTheReadyTasksOfServicesOnItsNetworksOnly() {
        NodePlan p = plan(Map.of("w1", List.of(new NetworkAttachment("front", List.of("10.0.1.5/24"), null))));

        String rules = p.vipTables().get("w1").text();
        assertThat(rules).contains("ip daddr 10.0.1.2 dnat to").contains("10.0.1.5").contains("10.0.1.6")
                .doesNotContain("10.0.1.8").doesNotContain("10.0.2.2");
    }

    @Test
    void namesAreTheServicesVipTheirReadyTasksAndAliasesOnlyOnTheNetworksATaskShares() {
        NodePlan p = plan(Map.of("w1", List.of(new NetworkAttachment("front", List.of("10.0.1.5/24"), null)),
                "d1", List.of(new NetworkAttachment("back", List.of("10.0.2.5/24"), null))));

        var front = p.names().viewFor(p.dnsClients().get(Ipv4.of("10.0.1.5")));
        assertThat(front.resolve("web")).hasValue(List.of(Ipv4.of("10.0.1.2")));
        assertThat(front.resolve("www")).hasValue(List.of(Ipv4.of("10.0.1.2")));
        assertThat(front.resolve("tasks.web")).hasValueSatisfying(a -> assertThat(a)
                .containsExactlyInAnyOrder(Ipv4.of("10.0.1.5"), Ipv4.of("10.0.1.6")));
        assertThat(front.resolve("api")).hasValue(List.of(Ipv4.of("10.0.1.7")));
        assertThat(front.resolve("db")).isEmpty();
        var back = p.names().viewFor(p.dnsClients().get(Ipv4.of("10.0.2.5")));
        assertThat(back.resolve("db")).hasValue(List.of(Ipv4.of("10.0.2.2")));
        assertThat(back.resolve("web")).isEmpty();
    }

    @Test
    void aHostModePortGoesToThisNodesAttachedTasksOnly() {
        NodePlan p = plan(Map.of("w1", List.of(new NetworkAttachment("front", List.of("10.0.1.5/24"), null))));

        assertThat(p.ports().text()).contains("tcp dport 8080 dnat to 10.0.1.5:80").doesNotContain("10.0.1.6");
        assertThat(plan(Map.of()).ports().text()).doesNotContain("dport");
    }

    @Test
    void internalNetworksAreIsolatedAndHaveNoEgressAndNetworksWithoutLocalTasksAreNotOnTheHost() {
        NodePlan p = plan(Map.of("d1", List.of(new NetworkAttachment("back", List.of("10.0.2.5/24"), null))));

        assertThat(p.links().networks()).extracting(HostNetworks.Network::networkId).containsExactly("back");
        assertThat(p.links().networks().get(0).vni()).isEmpty();
        String bridge = NAMING.bridge("back").value();
        assertThat(p.isolation().text()).contains("iifname \"" + bridge + "\" oifname != \"" + bridge + "\" drop");
        assertThat(p.egress().text()).doesNotContain("10.0.2.0/24");
        assertThat(plan(Map.of()).links().networks()).isEmpty();
    }
}
