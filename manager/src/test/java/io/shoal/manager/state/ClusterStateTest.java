package io.shoal.manager.state;

import static org.assertj.core.api.Assertions.assertThat;

import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The behavior with an in-memory journal: replies only after persisting, and recovery rebuilds the same state. */
class ClusterStateTest {
    static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
            .withFallback(ConfigFactory.load()));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void commandsPersistEventsAndRecoveryRebuildsTheState() {
        EventSourcedBehaviorTestKit<ClusterState.Command, ClusterEvent, State> kit = EventSourcedBehaviorTestKit.create(
                KIT.system(), ClusterState.create("cluster-state-test",
                        new ClusterStateSettings(Duration.ofMinutes(10), 5, 3), new StateView(), Clock.systemUTC(),
                        IdGenerator.random(new SecureRandom())),
                // Events are checked against their protobuf serializer; commands stay local until managers span hosts.
                new EventSourcedBehaviorTestKit.SerializationSettings(true, true, false, true, false));
        var init = kit.<Result<Swarm>>runCommand(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        assertThat(init.reply()).isInstanceOf(Result.Ok.class);
        var created = kit.<Result<Service>>runCommand(r -> new ClusterState.CreateService(Services.replicated("web", 2), r));
        assertThat(created.events()).hasSize(3);
        assertThat(created.state().tasks()).hasSize(2);

        var before = StateSnapshot.of(created.state());
        kit.restart();
        var after = kit.<StateSnapshot>runCommand(ClusterState.Read::new).reply();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void swarmInitTakesTheTaskHistoryLimitAndRefusesANegativeOne() {
        EventSourcedBehaviorTestKit<ClusterState.Command, ClusterEvent, State> kit = EventSourcedBehaviorTestKit.create(
                KIT.system(), ClusterState.create("cluster-state-history", new ClusterStateSettings(Duration.ofMinutes(10), 5, 3),
                        new StateView(), Clock.systemUTC(), IdGenerator.random(new SecureRandom())),
                new EventSourcedBehaviorTestKit.SerializationSettings(true, true, false, true, false));
        var refused = kit.<Result<Swarm>>runCommand(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), -1L, null, r));
        assertThat(refused.reply()).isInstanceOf(Result.Rejected.class);
        assertThat(refused.events()).isEmpty();

        var init = kit.<Result<Swarm>>runCommand(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), 2L, null, r));
        assertThat(((Result.Ok<Swarm>) init.reply()).value().spec().taskHistoryRetentionLimit()).isEqualTo(2L);
        assertThat(init.state().swarm().orElseThrow().spec().taskHistoryRetentionLimit()).isEqualTo(2L);
        // Without a period in the request, the swarm records the configured dispatcher's (Swarm's 5 s here).
        assertThat(init.state().swarm().orElseThrow().spec().heartbeatPeriod()).isEqualTo(5_000_000_000L);
    }

    @Test
    void swarmUpdateChangesTheSpecAtItsVersionOnlyAndSurvivesSerialization() {
        EventSourcedBehaviorTestKit<ClusterState.Command, ClusterEvent, State> kit = EventSourcedBehaviorTestKit.create(
                KIT.system(), ClusterState.create("cluster-state-update", new ClusterStateSettings(Duration.ofMinutes(10), 5, 3,
                        Duration.ofSeconds(1)), new StateView(), Clock.systemUTC(), IdGenerator.random(new SecureRandom())),
                new EventSourcedBehaviorTestKit.SerializationSettings(true, true, false, true, false));
        Swarm swarm = ((Result.Ok<Swarm>) kit.<Result<Swarm>>runCommand(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r))
                .reply()).value();
        assertThat(swarm.spec().heartbeatPeriod()).isEqualTo(1_000_000_000L);
        long version = kit.getState().swarm().orElseThrow().version().index();

        var stale = kit.<Result<Swarm>>runCommand(r -> new ClusterState.UpdateSwarm(version - 1,
                new Swarm.Spec(null, null, 1L, null), r));
        assertThat(stale.reply()).isEqualTo(Result.rejected(Result.Reason.CONFLICT, "update out of sequence: the swarm is at version "
                + version + ", the update was based on version " + (version - 1)));
        var tooFast = kit.<Result<Swarm>>runCommand(r -> new ClusterState.UpdateSwarm(version,
                new Swarm.Spec(null, null, null, 1_000L), r));
        assertThat(tooFast.reply()).isInstanceOf(Result.Rejected.class);
        assertThat(tooFast.events()).isEmpty();

        var updated = kit.<Result<Swarm>>runCommand(r -> new ClusterState.UpdateSwarm(version,
                new Swarm.Spec(null, java.util.Map.of("team", "a"), 1L, 3_000_000_000L), r));
        Swarm after = updated.state().swarm().orElseThrow();
        assertThat(after.spec()).isEqualTo(new Swarm.Spec("default", java.util.Map.of("team", "a"), 1L, 3_000_000_000L));
        assertThat(after.version().index()).isGreaterThan(version);
        assertThat(after.joinTokens()).isEqualTo(swarm.joinTokens());
        assertThat(updated.events()).singleElement().isInstanceOf(ClusterEvent.SwarmUpdated.class);

        var same = kit.<Result<Swarm>>runCommand(r -> new ClusterState.UpdateSwarm(after.version().index(),
                new Swarm.Spec(null, java.util.Map.of("team", "a"), null, null), r));
        assertThat(same.events()).isEmpty();
        kit.restart();
        assertThat(kit.getState().swarm().orElseThrow().spec()).isEqualTo(after.spec());
    }

    /** The routing mesh's node addresses go through the real journal (protobuf) and snapshots, and survive restarts. */
    @Test
    void nodeIngressAddressesArePersistedFreedWithTheNodeAndRecovered() {
        EventSourcedBehaviorTestKit<ClusterState.Command, ClusterEvent, State> kit = EventSourcedBehaviorTestKit.create(
                KIT.system(), ClusterState.create("cluster-state-mesh", new ClusterStateSettings(Duration.ofMinutes(10), 5, 3),
                        new StateView(), Clock.systemUTC(), IdGenerator.random(new SecureRandom())),
                new EventSourcedBehaviorTestKit.SerializationSettings(true, true, false, true, false));
        kit.<Result<Swarm>>runCommand(r -> new ClusterState.InitSwarm(Nodes.manager("m1"), r));
        for (String w : java.util.List.of("w1", "w2")) {
            var admitted = kit.<Result<io.shoal.api.model.Node>>runCommand(r -> new ClusterState.AdmitNode(Nodes.ready(w),
                    io.shoal.api.identity.NodeRole.WORKER, r));
            assertThat(admitted.events()).anyMatch(e -> e instanceof ClusterEvent.NodeNetworksAttached a && a.nodeId().equals(w));
        }
        StateSnapshot before = kit.<StateSnapshot>runCommand(ClusterState.Read::new).reply();
        String ingress = before.networking().ingress().orElseThrow().id();
        assertThat(java.util.stream.Stream.of("m1", "w1", "w2").map(n -> before.networking().nodeAttachmentsOf(n).get(0))
                .map(a -> a.networkId() + " " + a.addresses().get(0)))
                .containsExactly(ingress + " 10.0.0.2/24", ingress + " 10.0.0.3/24", ingress + " 10.0.0.4/24");

        kit.restart();
        assertThat(kit.<StateSnapshot>runCommand(ClusterState.Read::new).reply()).isEqualTo(before);
        kit.<Result<io.shoal.api.model.Node>>runCommand(r -> new ClusterState.RemoveNode("w1", true, r));
        kit.restart();
        State recovered = kit.getState();
        assertThat(recovered.networks().nodeAttachmentsOf("w1")).isEmpty();
        assertThat(recovered.networks().allocations(ingress).values()).containsExactlyInAnyOrder("task/n:m1", "task/n:w2");
    }
}
