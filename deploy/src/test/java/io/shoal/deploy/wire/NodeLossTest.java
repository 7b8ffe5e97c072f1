package io.shoal.deploy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.Version;
import io.shoal.manager.dispatch.Dispatcher;
import io.shoal.manager.dispatch.DispatcherSettings;
import io.shoal.manager.state.ClusterEvent;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.manager.state.StateView;
import io.shoal.worker.agent.WorkerAgent;
import io.shoal.worker.agent.WorkerSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two workers in actor systems of their own beside the managers' (one Akka cluster on loopback, default
 * heartbeat settings: 1 s, down after 3 missed). When one worker's system goes away its tasks run on the
 * other; when it comes back with its containers still there, the replaced ones are stopped on it.
 */
class NodeLossTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    ActorTestKit managers;
    ActorTestKit w1;
    ActorTestKit w2;
    final ExecutorService blocking = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        for (ActorTestKit k : new ActorTestKit[] {w1, w2, managers}) {
            if (k != null) {
                k.shutdownTestKit();
            }
        }
        blocking.shutdownNow();
    }

    static Node node(String id, String role) {
        return new Node(id, new Version(2), T0, T0, new Node.Spec(null, null, role, "active"),
                new Node.Description(id, new Platform("x86_64", "linux"), new ResourceObject(2_000_000_000L, 1L << 30, null),
                        new Node.Engine("0.1.0", null)), new Node.Status("ready", null, "127.0.0.1"), null);
    }

    /** As the state has it before the node's worker has opened a session. */
    static Node down(Node n) {
        return n.withDescription(n.description(), new Node.Status("down", "heartbeat failure", "127.0.0.1"), n.version(), T0);
    }

    ActorTestKit worker(String id, WorkerOnAnotherSystemTest.MemoryRuntime runtime) throws Exception {
        ActorTestKit kit = ActorTestKit.create("shoal", WorkerOnAnotherSystemTest.config(WorkerOnAnotherSystemTest.freePort(), "worker"));
        Cluster.get(kit.system()).manager().tell(Join.create(Cluster.get(managers.system()).selfMember().address()));
        Node n = node(id, "worker");
        kit.spawn(WorkerAgent.create(id, n::description, n::status, runtime, blocking,
                new WorkerSettings(Duration.ofSeconds(1), 3, Duration.ofMillis(50)), Clock.systemUTC()));
        return kit;
    }

    StateSnapshot read(ActorRef<ClusterState.Command> state) {
        TestProbe<StateSnapshot> probe = managers.createTestProbe();
        state.tell(new ClusterState.Read(probe.getRef()));
        return probe.receiveMessage();
    }

    static List<Task> running(StateSnapshot s) {
        return s.tasks().stream().filter(t -> t.desiredState() == TaskState.RUNNING && t.status().state() == TaskState.RUNNING).toList();
    }

    @Test
    void aLostWorkersTasksRunOnTheOtherAndAreStoppedOnItWhenItReturns() throws Exception {
        managers = ActorTestKit.create("shoal", WorkerOnAnotherSystemTest.config(WorkerOnAnotherSystemTest.freePort(), "manager"));
        Cluster.get(managers.system()).manager().tell(Join.create(Cluster.get(managers.system()).selfMember().address()));
        Swarm swarm = new Swarm("swarm1", new Version(1), T0, T0, new Swarm.Spec("default", null, 5L, 5_000_000_000L),
                new Swarm.JoinTokens("SWMTKN-1-a-b", "SWMTKN-1-a-c"));
        PersistenceTestKit.create(managers.system()).persistForRecovery("cs", List.of(new ClusterEvent.SwarmInitialized(swarm),
                new ClusterEvent.NodeRegistered(down(node("w1", "manager"))), new ClusterEvent.NodeRegistered(down(node("w2", "worker")))));
        StateView view = new StateView();
        IdGenerator ids = IdGenerator.random(new SecureRandom());
        ActorRef<ClusterState.Command> state = managers.spawn(ClusterState.create("cs", new ClusterStateSettings(
                Duration.ofSeconds(1), 5, 1000, Duration.ofSeconds(1)), view, Clock.systemUTC(), ids));
        managers.spawn(Dispatcher.create(state, view, new DispatcherSettings(Duration.ofSeconds(1), 3, Duration.ofMillis(50)),
                Clock.systemUTC(), ids));
        var r1 = new WorkerOnAnotherSystemTest.MemoryRuntime("a");
        var r2 = new WorkerOnAnotherSystemTest.MemoryRuntime("b");
        w1 = worker("w1", r1);
        w2 = worker("w2", r2);

        TestProbe<Result<Service>> created = managers.createTestProbe();
        created.awaitAssert(Duration.ofSeconds(30), () -> { // both workers have opened their sessions
            assertThat(read(state).nodes()).extracting(n -> n.status().state()).containsOnly("ready");
            return null;
        });
        state.tell(new ClusterState.CreateService(new ServiceSpec("web", null, new TaskSpec(new TaskSpec.ContainerSpec("busybox:latest",
                null, null, List.of("sleep", "600"), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null), null, null, null, null, null, null, null), ServiceSpec.Mode.ofReplicas(4), null, null, null),
                created.getRef()));
        created.expectMessageClass(Result.Ok.class);
        created.awaitAssert(Duration.ofSeconds(30), () -> {
            assertThat(running(read(state))).hasSize(4);
            return null;
        });
        assertThat(r1.running).hasSize(2);
        assertThat(r2.running).hasSize(2);

        long lost = System.nanoTime();
        w2.shutdownTestKit();
        w2 = null;
        created.awaitAssert(Duration.ofSeconds(30), () -> {
            assertThat(running(read(state))).hasSize(4).allSatisfy(t -> assertThat(t.nodeId()).isEqualTo("w1"));
            return null;
        });
        System.out.printf("tasks of the lost worker running on the other after %d ms%n", (System.nanoTime() - lost) / 1_000_000);
        assertThat(r1.running).hasSize(4);
        assertThat(r2.running).as("its containers are still there, the node just went away").hasSize(2);

        w2 = worker("w2", r2);
        created.awaitAssert(Duration.ofSeconds(30), () -> {
            StateSnapshot s = read(state);
            assertThat(s.nodes()).extracting(n -> n.status().state()).containsOnly("ready");
            assertThat(r2.running).as("replaced tasks are stopped on the returning node").isEmpty();
            assertThat(s.tasks()).filteredOn(t -> "w2".equals(t.nodeId()))
                    .allSatisfy(t -> assertThat(t.status().state()).isEqualTo(TaskState.SHUTDOWN));
            return null;
        });
        assertThat(running(read(state))).hasSize(4);
    }
}
