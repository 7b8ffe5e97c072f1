package io.shoal.deploy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.Version;
import io.shoal.manager.dispatch.Dispatcher;
import io.shoal.manager.dispatch.DispatcherSettings;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.manager.state.StateView;
import io.shoal.worker.agent.WorkerAgent;
import io.shoal.worker.agent.WorkerSettings;
import io.shoal.worker.task.ContainerPlan;
import io.shoal.worker.task.TaskRuntime;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker agent in one actor system and the managers in another, joined in one Akka cluster over loopback:
 * every dispatch message crosses Artery and so goes through {@link DispatchSerializer} (Java serialization
 * is off). The worker finds the dispatcher through the Receptionist, runs its tasks and reports them.
 */
class WorkerOnAnotherSystemTest {
    ActorTestKit managers;
    ActorTestKit worker;

    static Config config(int port, String role) {
        return ConfigFactory.parseString("akka.actor.provider = cluster\n"
                        + "akka.remote.artery.canonical.hostname = 127.0.0.1\n"
                        + "akka.remote.artery.canonical.port = " + port + "\n"
                        + "akka.cluster.roles = [" + role + "]\n"
                        + "akka.cluster.jmx.multi-mbeans-in-same-jvm = on\n"
                        + "akka.actor.allow-java-serialization = off\n"
                        + "akka.loglevel = INFO\n")
                .withFallback(PersistenceTestKitPlugin.getInstance().config())
                .withFallback(PersistenceTestKitSnapshotPlugin.config())
                .withFallback(ConfigFactory.load());
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.shutdownTestKit();
        }
        if (managers != null) {
            managers.shutdownTestKit();
        }
    }

    @Test
    void everyDispatchMessageRoundTripsThroughTheBoundSerializer() {
        managers = ActorTestKit.create("shoal", config(0, "manager"));
        Serialization s = SerializationExtension.get(akka.actor.typed.javadsl.Adapter.toClassic(managers.system()));
        Object m = new DispatchProtocol.StatusAck("s", 3);
        assertThat(s.findSerializerFor(m)).isInstanceOf(DispatchSerializer.class);
        byte[] bytes = s.serialize(m).get();
        assertThat(s.deserialize(bytes, s.findSerializerFor(m).identifier(), "C").get()).isEqualTo(m);
    }

    @Test
    void aWorkerInAnotherActorSystemRunsItsTasksAndTheManagersSeeThem() throws Exception {
        managers = ActorTestKit.create("shoal", config(freePort(), "manager"));
        worker = ActorTestKit.create("shoal", config(freePort(), "worker"));
        Cluster.get(managers.system()).manager().tell(Join.create(Cluster.get(managers.system()).selfMember().address()));
        Cluster.get(worker.system()).manager().tell(Join.create(Cluster.get(managers.system()).selfMember().address()));

        StateView view = new StateView();
        IdGenerator ids = IdGenerator.random(new SecureRandom());
        ActorRef<ClusterState.Command> state = managers.spawn(ClusterState.create("cs", new ClusterStateSettings(
                Duration.ofSeconds(1), 5, 1000, Duration.ofMillis(500)), view, Clock.systemUTC(), ids));
        managers.spawn(Dispatcher.create(state, view, new DispatcherSettings(Duration.ofMillis(500), 3, Duration.ofMillis(20)),
                Clock.systemUTC(), ids));
        Node node = new Node("w1", new Version(1), Instant.now(), Instant.now(), new Node.Spec(null, null, "manager", "active"),
                new Node.Description("w1", new Platform("x86_64", "linux"), new ResourceObject(2_000_000_000L, 1L << 30, null),
                        new Node.Engine("0.1.0", null)), new Node.Status("ready", null, "127.0.0.1"), null);
        TestProbe<Result<Swarm>> init = managers.createTestProbe();
        state.tell(new ClusterState.InitSwarm(node, init.getRef()));
        init.expectMessageClass(Result.Ok.class);
        TestProbe<Result<Service>> created = managers.createTestProbe();
        state.tell(new ClusterState.CreateService(new ServiceSpec("web", null, new TaskSpec(new TaskSpec.ContainerSpec("busybox:latest",
                null, null, List.of("sleep", "600"), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null), null, null, null, null, null, null, null), ServiceSpec.Mode.ofReplicas(2), null, null, null),
                created.getRef()));
        created.expectMessageClass(Result.Ok.class);

        MemoryRuntime runtime = new MemoryRuntime("c");
        worker.spawn(WorkerAgent.create("w1", node::description, node::status, runtime, Executors.newCachedThreadPool(),
                new WorkerSettings(Duration.ofMillis(500), 3, Duration.ofMillis(20)), Clock.systemUTC()));

        TestProbe<StateSnapshot> read = managers.createTestProbe();
        read.awaitAssert(Duration.ofSeconds(20), () -> {
            state.tell(new ClusterState.Read(read.getRef()));
            StateSnapshot snap = read.receiveMessage();
            assertThat(snap.nodes()).extracting(n -> n.status().state()).containsExactly("ready");
            // the node may be marked down before the worker's first heartbeat (a slow cluster join): its first tasks
            // are then replaced and stay in the history as shut down, so look at the tasks meant to run
            assertThat(snap.tasks()).filteredOn(t -> t.desiredState() == TaskState.RUNNING).hasSize(2).allSatisfy(t -> {
                assertThat(t.status().state()).isEqualTo(TaskState.RUNNING);
                assertThat(runtime.running).containsKey(t.status().containerStatus().containerId());
            });
            return null;
        });
        assertThat(runtime.running.values()).extracting(ContainerPlan::name).allMatch(n -> n.matches("web\\.[12]\\.[0-9a-z]{25}"));
    }

    /** Containers as map entries: enough to see assignments arrive, statuses go back and re-sync find them. */
    static final class MemoryRuntime implements TaskRuntime {
        final Map<String, ContainerPlan> running = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
        final List<String> ids = new ArrayList<>();
        final String prefix;

        MemoryRuntime(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void prepare(String image, String registryAuth) {
        }

        @Override
        public io.shoal.engine.image.Healthcheck imageHealthcheck(String image) {
            return null;
        }

        @Override
        public io.shoal.engine.health.HealthState.Status health(String containerId) {
            return null;
        }

        @Override
        public synchronized String create(ContainerPlan plan) {
            String id = prefix + ids.size();
            ids.add(id);
            running.put(id, plan);
            exits.put(id, new CompletableFuture<>());
            return id;
        }

        @Override
        public void start(String containerId) {
        }

        @Override
        public java.util.concurrent.CompletionStage<Integer> waitExit(String containerId) {
            return exits.get(containerId);
        }

        @Override
        public void stop(String containerId, Duration grace) {
            exits.get(containerId).complete(137);
            running.remove(containerId);
        }

        @Override
        public void remove(String containerId) {
            running.remove(containerId);
        }

        @Override
        public List<TaskContainer> list() {
            List<TaskContainer> out = new ArrayList<>();
            running.forEach((id, plan) -> out.add(new TaskContainer(id, plan.labels().get(ContainerPlan.TASK_ID), true, null)));
            return out;
        }
    }
}
