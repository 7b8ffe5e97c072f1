package io.shoal.manager.network;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.model.Network;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Swarm;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.State;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.manager.state.StateView;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behavior with an in-memory journal: networks, task addresses and VIPs are persisted with the command
 * that caused them, and recovery (from events alone, or from a snapshot and the events after it) rebuilds the
 * same state, IPAM included, so the next allocation does not reuse a held address.
 */
class NetworkRecoveryTest {
    static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @ParameterizedTest(name = "snapshot every {0} events")
    @ValueSource(ints = {1000, 3})
    void recoveryRebuildsNetworksAndAllocations(int snapshotEvery) {
        EventSourcedBehaviorTestKit<ClusterState.Command, ClusterEvent, State> kit = EventSourcedBehaviorTestKit.create(
                KIT.system(), ClusterState.create("network-recovery-" + snapshotEvery,
                        new ClusterStateSettings(Duration.ofMinutes(10), 5, snapshotEvery), new StateView(), Clock.systemUTC(),
                        IdGenerator.random(new SecureRandom())),
                new EventSourcedBehaviorTestKit.SerializationSettings(true, true, false, true, false));
        var init = kit.<Result<Swarm>>runCommand(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        assertThat(init.events()).hasAtLeastOneElementOfType(ClusterEvent.NetworkCreated.class);
        var net = kit.<Result<Network>>runCommand(r -> new ClusterState.CreateNetwork(NetworkDecisionsTest.overlay("backend", "10.20.0.0/24"), r));
        ServiceSpec spec = ServiceNetworksTest.publishing(ServiceNetworksTest.on(Services.replicated("web", 3), "backend"), null,
                ServiceNetworksTest.port(80, 0));
        var created = kit.<Result<Service>>runCommand(r -> new ClusterState.CreateService(spec, r));
        assertThat(created.events()).hasAtLeastOneElementOfType(ClusterEvent.ServiceEndpointAllocated.class);
        assertThat(created.events().stream().filter(e -> e instanceof ClusterEvent.TaskNetworksAttached)).hasSize(3);

        StateSnapshot before = StateSnapshot.of(created.state());
        kit.restart();
        StateSnapshot after = kit.<StateSnapshot>runCommand(ClusterState.Read::new).reply();
        assertThat(after).isEqualTo(before);

        String backend = ((Result.Ok<Network>) net.reply()).value().id();
        var more = kit.<Result<Service>>runCommand(r -> new ClusterState.CreateService(
                ServiceNetworksTest.on(Services.replicated("api", 1), "backend"), r));
        List<String> held = before.networking().taskNetworks().values().stream().flatMap(List::stream)
                .filter(a -> a.networkId().equals(backend)).flatMap(a -> a.addresses().stream()).toList();
        assertThat(more.state().networks().snapshot().taskNetworks().values().stream().flatMap(List::stream)
                .filter(a -> a.networkId().equals(backend)).flatMap(a -> a.addresses().stream()).distinct().count())
                .isEqualTo(held.size() + 1);
    }
}
