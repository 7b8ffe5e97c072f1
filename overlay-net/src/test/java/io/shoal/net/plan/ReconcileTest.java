package io.shoal.net.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.net.host.FakeLinks;
import io.shoal.net.ipam.Cidr;
import io.shoal.net.ipam.Ipv4;
import io.shoal.net.plan.HostNetworks.LocalEndpoint;
import io.shoal.net.plan.HostNetworks.Network;
import io.shoal.net.plan.HostNetworks.RemoteEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileTest {

    private static final Naming NAMING = new Naming("sh");
    private static final Ipv4 UNDERLAY = Ipv4.of("192.168.50.1");
    private final NetworkPlanner planner = new NetworkPlanner(NAMING);

    private static Network network(String id, String subnet, List<LocalEndpoint> local) {
        Cidr cidr = Cidr.of(subnet);
        return new Network(id, cidr, cidr.network().plus(1), OptionalInt.of(5000), false, local,
                List.of(new RemoteEndpoint(cidr.network().plus(9), Ipv4.of("192.168.50.2"))));
    }

    private static LocalEndpoint task(String id, String ip) {
        return new LocalEndpoint(id, new NetnsName("ns-" + id), new IfName("eth0"), Ipv4.of(ip));
    }

    @Test
    void afterARestartLeftoversGoAndMissingPiecesComeBack() {
        FakeLinks host = new FakeLinks();
        HostNetworks before = new HostNetworks(UNDERLAY, List.of(
                network("old", "10.0.5.0/24", List.of(task("gone", "10.0.5.2"))),
                network("kept", "10.0.6.0/24", List.of(task("a", "10.0.6.2")))));
        host.apply(planner.plan(HostNetworks.empty(UNDERLAY), before));
        // While shoald was down: network "old" was removed, task "b" started, and someone deleted a's veth.
        host.apply(List.of(new LinkChange.DeleteLink(NAMING.veth("kept", "a"))));
        HostNetworks desired = new HostNetworks(UNDERLAY, List.of(
                network("kept", "10.0.6.0/24", List.of(task("a", "10.0.6.2"), task("b", "10.0.6.3")))));

        Set<IfName> present = host.links(Optional.empty());
        List<LinkChange> changes = planner.reconcile(present, desired);
        host.apply(changes);

        assertThat(changes.subList(0, 3)).containsExactly(
                new LinkChange.DeleteLink(NAMING.veth("old", "gone")),
                new LinkChange.DeleteLink(NAMING.vxlan("old")),
                new LinkChange.DeleteLink(NAMING.bridge("old")));
        assertThat(host.links(Optional.empty())).containsExactlyInAnyOrder(NAMING.bridge("kept"), NAMING.vxlan("kept"),
                NAMING.veth("kept", "a"), NAMING.veth("kept", "b"));
        assertThat(host.remoteEntries(NAMING.vxlan("kept"))).containsExactly("10.0.6.9@192.168.50.2");
        assertThat(planner.reconcile(host.links(Optional.empty()), desired))
                .allMatch(LinkChange.AddRemote.class::isInstance);
    }

    @Test
    void linksOfOtherNamingsAndTheHostsOwnAreLeftAlone() {
        Set<IfName> present = Set.of(new IfName("eth0"), new IfName("docker0"), new Naming("t1").bridge("x"));
        assertThat(planner.reconcile(present, HostNetworks.empty(UNDERLAY))).isEmpty();
    }
}
