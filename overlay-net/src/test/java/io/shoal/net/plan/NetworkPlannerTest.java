package io.shoal.net.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.Batch.Tool;
import io.shoal.net.plan.HostNetworks.LocalEndpoint;
import io.shoal.net.plan.HostNetworks.Network;
import io.shoal.net.plan.HostNetworks.RemoteEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPlannerTest {

    private static final Naming NAMING = new Naming("sh");
    private static final Ipv4 UNDERLAY = Ipv4.of("192.168.50.1");
    private final NetworkPlanner planner = new NetworkPlanner(NAMING);

    private static final String BR = NAMING.bridge("net1").value();
    private static final String VX = NAMING.vxlan("net1").value();
    private static final String VA = NAMING.veth("net1", "a").value();
    private static final String VB = NAMING.veth("net1", "b").value();

    private static Network overlay(List<LocalEndpoint> local, List<RemoteEndpoint> remote) {
        return new Network("net1", Cidr.of("10.0.1.0/24"), Ipv4.of("10.0.1.1"), OptionalInt.of(4097), false, local, remote);
    }

    private static LocalEndpoint local(String id, String ip) {
        return new LocalEndpoint(id, new NetnsName("task-" + id), new IfName("eth0"), Ipv4.of(ip));
    }

    private static RemoteEndpoint remote(String ip, String host) {
        return new RemoteEndpoint(Ipv4.of(ip), Ipv4.of(host));
    }

    private static String names(String text) {
        return text.replace("BR", BR).replace("VX", VX).replace("VA", VA).replace("VB", VB);
    }

    @Test
    void namesAreDerivedFromIdsAndFitLinux() {
        assertThat(BR).matches("shb[0-9a-f]{12}");
        assertThat(VX).matches("shx[0-9a-f]{12}");
        assertThat(VA).matches("shv[0-9a-f]{12}").isNotEqualTo(VB);
        assertThat(NAMING.owns(VA)).isTrue();
        assertThat(new Naming("t1").owns(VA)).isFalse();
        assertThat(new Naming("t1").veth("net; rm -rf /", "$(x)").value()).matches("t1v[0-9a-f]{12}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", ".x", "sixteen-chars-xx", "a b", "eth0;reboot", "a/b", "all", "default", "dev", "é"})
    void unsafeInterfaceNamesAreRefused(String name) {
        assertThat(IfName.parse(name)).isEmpty();
        assertThatThrownBy(() -> new IfName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-n", "../etc", "a b", "x;y", "${HOME}"})
    void unsafeNamespaceNamesAreRefused(String name) {
        assertThat(NetnsName.parse(name)).isEmpty();
    }

    @Test
    void aPlanStartingFromTheLastOneIsTheSameAsAFreshPlannersAndNamesAreStable() {
        HostNetworks empty = HostNetworks.empty(UNDERLAY);
        HostNetworks one = new HostNetworks(UNDERLAY, List.of(overlay(List.of(local("a", "10.0.1.5")), List.of(remote("10.0.1.7", "192.168.50.2")))));
        HostNetworks two = new HostNetworks(UNDERLAY, List.of(overlay(List.of(local("a", "10.0.1.5"), local("b", "10.0.1.6")),
                List.of(remote("10.0.1.7", "192.168.50.2")))));
        HostNetworks oneAgain = new HostNetworks(UNDERLAY, List.copyOf(one.networks())); // equal, another instance
        NetworkPlanner planner = new NetworkPlanner(NAMING);
        planner.plan(empty, one);
        assertThat(planner.plan(one, two)).isEqualTo(new NetworkPlanner(NAMING).plan(one, two));
        assertThat(planner.plan(two, oneAgain)).isEqualTo(new NetworkPlanner(NAMING).plan(two, oneAgain));
        assertThat(planner.plan(one, empty)).as("from a state that is not the last one planned")
                .isEqualTo(new NetworkPlanner(NAMING).plan(one, empty));
        assertThat(NAMING.veth("net1", "a").value()).isEqualTo(VA).isEqualTo(new Naming("sh").veth("net1", "a").value());
    }

    @Test
    void macFollowsTheAddress() {
        assertThat(Mac.of(Ipv4.of("10.0.1.2"))).hasToString("02:42:0a:00:01:02");
    }

    @Test
    void fromNothingToAnOverlayWithTwoLocalAndTwoRemoteTasks() {
        HostNetworks desired = new HostNetworks(UNDERLAY, List.of(overlay(
                List.of(local("a", "10.0.1.2"), local("b", "10.0.1.3")),
                List.of(remote("10.0.1.4", "192.168.50.2"), remote("10.0.1.5", "192.168.50.3")))));

        List<Batch> batches = IpBatchRenderer.render(planner.plan(HostNetworks.empty(UNDERLAY), desired));

        assertThat(batches).containsExactly(
                new Batch(Tool.IP, Optional.empty(), false, names("""
                        link add BR address 02:42:0a:00:01:01 type bridge
                        addr add 10.0.1.1/24 dev BR
                        link set BR up
                        link add name VX mtu 1450 type vxlan id 4097 local 192.168.50.1 dstport 4789 nolearning proxy
                        link set VX master BR
                        link set VX up
                        link add name VA mtu 1450 type veth peer name eth0 mtu 1450 netns task-a
                        link set VA master BR
                        link set VA up
                        link add name VB mtu 1450 type veth peer name eth0 mtu 1450 netns task-b
                        link set VB master BR
                        link set VB up
                        """)),
                new Batch(Tool.IP, Optional.of(new NetnsName("task-a")), false, """
                        link set eth0 address 02:42:0a:00:01:02
                        addr add 10.0.1.2/24 dev eth0
                        link set lo up
                        link set eth0 up
                        route replace default via 10.0.1.1 dev eth0
                        """),
                new Batch(Tool.IP, Optional.of(new NetnsName("task-b")), false, """
                        link set eth0 address 02:42:0a:00:01:03
                        addr add 10.0.1.3/24 dev eth0
                        link set lo up
                        link set eth0 up
                        route replace default via 10.0.1.1 dev eth0
                        """),
                new Batch(Tool.IP, Optional.empty(), false, names("""
                        neigh replace 10.0.1.4 lladdr 02:42:0a:00:01:04 dev VX nud permanent
                        neigh replace 10.0.1.5 lladdr 02:42:0a:00:01:05 dev VX nud permanent
                        """)),
                new Batch(Tool.BRIDGE, Optional.empty(), false, names("""
                        fdb replace 02:42:0a:00:01:04 dev VX dst 192.168.50.2 self permanent
                        fdb replace 02:42:0a:00:01:05 dev VX dst 192.168.50.3 self permanent
                        """)));
    }

    @Test
    void taskGoneAndRemoteMovedOnlyTouchThoseEntries() {
        HostNetworks before = new HostNetworks(UNDERLAY, List.of(overlay(
                List.of(local("a", "10.0.1.2"), local("b", "10.0.1.3")),
                List.of(remote("10.0.1.4", "192.168.50.2")))));
        HostNetworks after = new HostNetworks(UNDERLAY, List.of(overlay(
                List.of(local("a", "10.0.1.2")),
                List.of(remote("10.0.1.6", "192.168.50.3")))));

        List<Batch> batches = IpBatchRenderer.render(planner.plan(before, after));

        assertThat(batches).extracting(Batch::tool, Batch::bestEffort, Batch::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Tool.IP, true, names("neigh del 10.0.1.4 dev VX\n")),
                org.assertj.core.groups.Tuple.tuple(Tool.BRIDGE, true, names("fdb del 02:42:0a:00:01:04 dev VX dst 192.168.50.2 self\n")),
                org.assertj.core.groups.Tuple.tuple(Tool.IP, true, names("link del VB\n")),
                org.assertj.core.groups.Tuple.tuple(Tool.IP, false, names("neigh replace 10.0.1.6 lladdr 02:42:0a:00:01:06 dev VX nud permanent\n")),
                org.assertj.core.groups.Tuple.tuple(Tool.BRIDGE, false, names("fdb replace 02:42:0a:00:01:06 dev VX dst 192.168.50.3 self permanent\n")));
    }

    @Test
    void removingTheNetworkRemovesLinksOnlyAndTheVxlanTakesItsEntriesWithIt() {
        HostNetworks before = new HostNetworks(UNDERLAY, List.of(overlay(
                List.of(local("a", "10.0.1.2")), List.of(remote("10.0.1.4", "192.168.50.2")))));

        List<Batch> batches = IpBatchRenderer.render(planner.plan(before, HostNetworks.empty(UNDERLAY)));

        assertThat(batches).containsExactly(new Batch(Tool.IP, Optional.empty(), true, names("""
                link del VA
                link del VX
                link del BR
                """)));
    }

    @Test
    void sameStateNeedsNoChangeAndInternalBridgeNetworksGetNoVxlanNorDefaultRoute() {
        Network internal = new Network("net1", Cidr.of("10.0.1.0/24"), Ipv4.of("10.0.1.1"), OptionalInt.empty(), true,
                List.of(local("a", "10.0.1.2")), List.of(remote("10.0.1.9", "192.168.50.2")));
        HostNetworks host = new HostNetworks(UNDERLAY, List.of(internal));

        assertThat(planner.plan(host, host)).isEmpty();
        String all = IpBatchRenderer.render(planner.plan(HostNetworks.empty(UNDERLAY), host)).stream().map(Batch::text)
                .reduce("", String::concat);
        assertThat(all).doesNotContain("vxlan", "route", "neigh").contains("type bridge", "type veth");
    }

    @Test
    void changedVniRebuildsTheNetwork() {
        HostNetworks before = new HostNetworks(UNDERLAY, List.of(overlay(List.of(local("a", "10.0.1.2")), List.of())));
        Network moved = new Network("net1", Cidr.of("10.0.1.0/24"), Ipv4.of("10.0.1.1"), OptionalInt.of(4098), false,
                List.of(local("a", "10.0.1.2")), List.of());
        List<LinkChange> changes = planner.plan(before, new HostNetworks(UNDERLAY, List.of(moved)));

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isEqualTo(new LinkChange.DeleteLink(new IfName(VX)));
        assertThat(changes.get(1)).isInstanceOfSatisfying(LinkChange.AddVxlan.class, v -> assertThat(v.vni()).isEqualTo(4098));
    }

    /** The ingress bridge moving from the gateway to the node's own address (the managers gave it one later). */
    @Test
    void aBridgeWhoseAddressChangedIsRebuiltWithItsVxlanVethsAndEntries() {
        HostNetworks before = new HostNetworks(UNDERLAY, List.of(overlay(List.of(local("a", "10.0.1.5")),
                List.of(remote("10.0.1.6", "192.168.50.2")))));
        Network meshed = new Network("net1", Cidr.of("10.0.1.0/24"), Ipv4.of("10.0.1.3"), OptionalInt.of(4097), false,
                List.of(local("a", "10.0.1.5")), List.of(remote("10.0.1.6", "192.168.50.2"), remote("10.0.1.2", "192.168.50.2")));

        List<LinkChange> changes = planner.plan(before, new HostNetworks(UNDERLAY, List.of(meshed)));

        assertThat(changes).extracting(c -> c.getClass().getSimpleName()).containsExactly(
                "DeleteLink", "DeleteLink", "DeleteLink", "AddBridge", "AddVxlan", "AddVeth", "AddRemote", "AddRemote");
        assertThat(changes.get(3)).isEqualTo(new LinkChange.AddBridge(new IfName(BR), Ipv4.of("10.0.1.3"), 24));
        assertThat(changes.get(5)).isInstanceOfSatisfying(LinkChange.AddVeth.class, v -> assertThat(v.gateway()).isEqualTo(Ipv4.of("10.0.1.3")));
        assertThat(planner.plan(new HostNetworks(UNDERLAY, List.of(meshed)), new HostNetworks(UNDERLAY, List.of(meshed)))).isEmpty();
    }
}
