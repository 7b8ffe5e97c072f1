package io.shoal.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.identity.NodeRole;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.Decision;
import io.shoal.manager.state.Decisions;
import io.shoal.manager.state.MembershipDecisions;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every node's own address on the ingress network (the routing mesh's node endpoints), decided and applied as the
 * cluster state's behavior does, with every persisted event kept as a journal so replay can be checked.
 */
class IngressEndpointsTest {
    State state;
    Decisions decisions;
    NetworkDecisions networks;
    MembershipDecisions membership;
    final List<ClusterEvent> journal = new ArrayList<>();

    @BeforeEach
    void swarm() {
        AtomicInteger n = new AtomicInteger();
        Clock clock = Clock.fixed(Nodes.T0, ZoneOffset.UTC);
        decisions = new Decisions(clock, () -> String.format("id%023d", n.incrementAndGet()));
        networks = new NetworkDecisions(clock, () -> String.format("net%022d", n.incrementAndGet()));
        membership = new MembershipDecisions(clock);
        state = State.empty();
        run(networks.withIngress(state, decisions.initSwarm(state, Nodes.manager("m1"))));
    }

    <T> T run(Decision<T> d) {
        assertThat(d.result()).as("%s", d.result()).isInstanceOf(Result.Ok.class);
        persist(decisions.withReconciliation(state, d.events(), 5));
        return ((Result.Ok<T>) d.result()).value();
    }

    void persist(List<ClusterEvent> events) {
        events.forEach(state::apply);
        journal.addAll(events);
    }

    Network ingress() {
        return state.networks().ingress().orElseThrow();
    }

    String ingressAddress(State s, String nodeId) {
        return s.networks().nodeAttachmentsOf(nodeId).stream().filter(a -> a.networkId().equals(ingress().id()))
                .map(a -> a.addresses().get(0)).findFirst().orElse(null);
    }

    @Test
    void theFirstNodeGetsItsIngressAddressInTheSwarmInitBatch() {
        assertThat(journal).filteredOn(e -> e instanceof ClusterEvent.NodeNetworksAttached).hasSize(1);
        assertThat(ingressAddress(state, "m1")).isEqualTo("10.0.0.2/24");
        assertThat(state.networks().allocations(ingress().id()).values()).containsExactly("task/n:m1");
    }

    @Test
    void joiningNodesGetTheNextAddressesAndARemovedNodeFreesItsOwn() {
        run(membership.admitNode(state, Nodes.ready("w1"), NodeRole.WORKER));
        run(membership.admitNode(state, Nodes.ready("w2"), NodeRole.WORKER));
        assertThat(ingressAddress(state, "w1")).isEqualTo("10.0.0.3/24");
        assertThat(ingressAddress(state, "w2")).isEqualTo("10.0.0.4/24");
        // A node that re-joins (NodeUpdated) keeps its address: nothing new is allocated.
        int before = journal.size();
        run(membership.admitNode(state, Nodes.ready("w1"), NodeRole.WORKER));
        assertThat(journal.subList(before, journal.size())).noneMatch(e -> e instanceof ClusterEvent.NodeNetworksAttached);

        run(membership.removeNode(state, "w1", true));
        assertThat(state.networks().nodeAttachmentsOf("w1")).isEmpty();
        assertThat(state.networks().allocations(ingress().id()).values()).containsExactlyInAnyOrder("task/n:m1", "task/n:w2");
        run(membership.admitNode(state, Nodes.ready("w3"), NodeRole.WORKER));
        assertThat(ingressAddress(state, "w3")).isEqualTo("10.0.0.3/24");
    }

    @Test
    void nodeAndTaskAddressesNeverCollideAndReplayOrASnapshotRebuildsThem() {
        run(membership.admitNode(state, Nodes.ready("w1"), NodeRole.WORKER));
        Service web = run(ServiceEndpoints.decide(state, decisions.createService(state, ServiceNetworksTest.publishing(
                Services.replicated("web", 3), null, ServiceNetworksTest.port(80, 8080)))));
        run(membership.admitNode(state, Nodes.ready("w2"), NodeRole.WORKER));
        Set<String> seen = new HashSet<>();
        for (Node n : state.nodes()) {
            assertThat(seen.add(ingressAddress(state, n.id()))).as("node %s", n.id()).isTrue();
        }
        for (Task t : state.tasksOf(web.id())) {
            for (NetworkAttachment a : state.networks().attachmentsOf(t.id())) {
                assertThat(seen.add(a.addresses().get(0))).as("task %s", t.id()).isTrue();
            }
        }
        state.networks().endpointOf(web.id()).virtualIps().forEach(v -> assertThat(seen.add(v.addr())).as("VIP").isTrue());
        assertThat(seen).hasSize(3 + 3 + 1);

        State replayed = State.empty();
        journal.forEach(replayed::apply);
        assertThat(StateSnapshot.of(replayed)).isEqualTo(StateSnapshot.of(state));
        assertThat(replayed.networks().allocations(ingress().id())).isEqualTo(state.networks().allocations(ingress().id()));
        State restored = StateSnapshot.of(state).toState();
        assertThat(restored.networks().allocations(ingress().id())).isEqualTo(state.networks().allocations(ingress().id()));
        assertThat(restored.networks().nodeAttachmentsOf("w2")).isEqualTo(state.networks().nodeAttachmentsOf("w2"));
    }

    @Test
    void aJournalFromBeforeTheMeshCatchesUpOnTheReconcileTick() {
        State old = State.empty();
        journal.stream().filter(e -> !(e instanceof ClusterEvent.NodeNetworksAttached)).forEach(old::apply);
        old.apply(new ClusterEvent.NodeRegistered(Nodes.ready("w1").withSpec(Nodes.ready("w1").spec(),
                new io.shoal.api.model.Version(old.index() + 1), Nodes.T0)));
        assertThat(old.networks().nodeAttachmentsOf("m1")).isEmpty();
        List<ClusterEvent> tick = decisions.withReconciliation(old, List.of(), 5);
        assertThat(tick).allMatch(e -> e instanceof ClusterEvent.NodeNetworksAttached)
                .extracting(e -> ((ClusterEvent.NodeNetworksAttached) e).nodeId()).containsExactly("m1", "w1");
        assertThat(tick).extracting(ClusterEvent::index).allMatch(i -> i > old.index());
        tick.forEach(old::apply);
        assertThat(ingressAddress(old, "m1")).isEqualTo("10.0.0.2/24");
        assertThat(ingressAddress(old, "w1")).isEqualTo("10.0.0.3/24");
        assertThat(decisions.withReconciliation(old, List.of(), 5)).isEmpty(); // nothing more on the next tick
    }

    @Test
    void removingTheIngressNetworkDropsNodeAddressesAndANewOneGivesThemAgain() {
        run(membership.admitNode(state, Nodes.ready("w1"), NodeRole.WORKER));
        run(networks.remove(state, ingress().id()));
        assertThat(state.networks().ingress()).isEmpty();
        assertThat(state.networks().nodeAttachmentsOf("m1")).isEmpty();
        assertThat(state.networks().nodeAttachmentsOf("w1")).isEmpty();
        Network mesh = run(networks.create(state, new NetworkSpec("mesh", "overlay", null, null, false, false, true,
                new NetworkSpec.Ipam("default", List.of(new NetworkSpec.IpamConfig("10.92.200.0/24", null, null)), null))));
        assertThat(state.networks().nodeAttachmentsOf("m1")).extracting(NetworkAttachment::networkId).containsExactly(mesh.id());
        assertThat(ingressAddress(state, "m1")).isEqualTo("10.92.200.2/24");
        assertThat(ingressAddress(state, "w1")).isEqualTo("10.92.200.3/24");
        State replayed = State.empty();
        journal.forEach(replayed::apply);
        assertThat(StateSnapshot.of(replayed)).isEqualTo(StateSnapshot.of(state));
    }

    @Test
    void aFullIngressNetworkLeavesANewNodeWithoutAnAddressUntilOneFrees() {
        run(networks.remove(state, ingress().id()));
        run(networks.create(state, new NetworkSpec("tiny", "overlay", null, null, false, false, true,
                new NetworkSpec.Ipam("default", List.of(new NetworkSpec.IpamConfig("10.92.201.0/29", null, null)), null))));
        for (int i = 1; i <= 5; i++) {
            run(membership.admitNode(state, Nodes.ready("w" + i), NodeRole.WORKER));
        }
        assertThat(ingressAddress(state, "m1")).isEqualTo("10.92.201.2/29");
        assertThat(ingressAddress(state, "w4")).isEqualTo("10.92.201.6/29"); // .1 is the gateway, .7 broadcast
        assertThat(state.networks().nodeAttachmentsOf("w5")).isEmpty();
        run(membership.removeNode(state, "w1", true));
        assertThat(ingressAddress(state, "w5")).isEqualTo("10.92.201.3/29"); // in the removal's own batch
    }
}
