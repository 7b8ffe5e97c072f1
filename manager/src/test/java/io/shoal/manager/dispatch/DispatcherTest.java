package io.shoal.manager.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.WorkerMessage;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.manager.state.StateView;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher with a real cluster state (in-memory journal) and a probe as the worker. */
class DispatcherTest {
    static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
    static final DispatcherSettings SETTINGS = new DispatcherSettings(Duration.ofSeconds(1), 3, Duration.ofMillis(10));

    /** Time moves only when the test says so: heartbeat expiry is decided, not waited for. */
    static final class TestClock extends Clock {
        volatile Instant now = Nodes.T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    TestClock clock;
    StateView view;
    ActorRef<ClusterState.Command> state;
    ActorRef<io.shoal.api.dispatch.DispatcherMessage> dispatcher;
    TestProbe<WorkerMessage> worker;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        clock = new TestClock();
        view = new StateView();
        IdGenerator ids = IdGenerator.random(new SecureRandom());
        state = KIT.spawn(ClusterState.create("cs-" + UUID.randomUUID(), new ClusterStateSettings(Duration.ofHours(1), 5, 1000, SETTINGS.heartbeatPeriod()),
                view, clock, ids));
        dispatcher = KIT.spawn(Dispatcher.create(state, view, SETTINGS, clock, ids));
        worker = KIT.createTestProbe(WorkerMessage.class);
    }

    <T> T command(java.util.function.Function<ActorRef<Result<T>>, ClusterState.Command> make) {
        TestProbe<Result<T>> reply = KIT.createTestProbe();
        state.tell(make.apply(reply.getRef()));
        Result<T> r = reply.receiveMessage();
        assertThat(r).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<T>) r).value();
    }

    StateSnapshot read() {
        TestProbe<StateSnapshot> reply = KIT.createTestProbe();
        state.tell(new ClusterState.Read(reply.getRef()));
        return reply.receiveMessage();
    }

    DispatchProtocol.SessionOpened open(String nodeId) {
        Node n = Nodes.ready(nodeId);
        dispatcher.tell(new DispatchProtocol.OpenSession(nodeId, n.description(), n.status(),
                ActorRefResolver.get(KIT.system()).toSerializationFormat(worker.getRef())));
        return worker.expectMessageClass(DispatchProtocol.SessionOpened.class);
    }

    @Test
    void aWorkerOfNoSwarmIsRefused() {
        Node n = Nodes.ready("node1");
        dispatcher.tell(new DispatchProtocol.OpenSession("node1", n.description(), n.status(),
                ActorRefResolver.get(KIT.system()).toSerializationFormat(worker.getRef())));
        assertThat(worker.expectMessageClass(DispatchProtocol.SessionRefused.class).reason()).contains("not a swarm manager");
    }

    @Test
    void aSessionGetsTheWholeSetThenChangesAndStatusBatchesAreAppliedAndAcknowledged() {
        this.<io.shoal.api.model.Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        Service web = this.<Service>command(r -> new ClusterState.CreateService(Services.replicated("web", 2), r));
        DispatchProtocol.SessionOpened opened = open("node1");
        assertThat(opened.heartbeatPeriodMillis()).isEqualTo(1000);
        Assignments all = worker.expectMessageClass(Assignments.class);
        assertThat(all.complete()).isTrue();
        assertThat(all.tasks()).hasSize(2).allSatisfy(a -> {
            assertThat(a.serviceName()).isEqualTo("web");
            assertThat(a.task().status().state()).isEqualTo(TaskState.ASSIGNED);
        });
        List<DispatchProtocol.TaskUpdate> updates = all.tasks().stream().flatMap(a -> List.of(
                new DispatchProtocol.TaskUpdate(a.task().id(), TaskStatus.of(clock.instant(), TaskState.ACCEPTED, "accepted")),
                new DispatchProtocol.TaskUpdate(a.task().id(), new TaskStatus(clock.instant(), TaskState.RUNNING, "started", null,
                        new TaskStatus.ContainerStatus("c-" + a.task().slot(), 7, null))),
                new DispatchProtocol.TaskUpdate(a.task().id(), TaskStatus.of(clock.instant(), TaskState.PREPARING, "late"))).stream()).toList();
        dispatcher.tell(new DispatchProtocol.ReportStatus("node1", opened.sessionId(), 1, updates));

        assertThat(worker.expectMessageClass(DispatchProtocol.StatusAck.class).seq()).isEqualTo(1);
        assertThat(read().tasks()).allSatisfy(t -> {
            assertThat(t.status().state()).as("the late report is dropped").isEqualTo(TaskState.RUNNING);
            assertThat(t.status().containerStatus().containerId()).isEqualTo("c-" + t.slot());
        });
        Assignments change = worker.expectMessageClass(Assignments.class);
        assertThat(change.complete()).isFalse();
        assertThat(change.tasks()).hasSize(2);

        this.<Service>command(r -> new ClusterState.RemoveService(web.id(), r));
        Assignments shutdown = worker.expectMessageClass(Assignments.class);
        assertThat(shutdown.tasks()).extracting(a -> a.task().desiredState()).containsOnly(TaskState.REMOVE);
        dispatcher.tell(new DispatchProtocol.ReportStatus("node1", opened.sessionId(), 2, all.tasks().stream()
                .map(a -> new DispatchProtocol.TaskUpdate(a.task().id(), TaskStatus.of(clock.instant(), TaskState.SHUTDOWN, "shutdown")))
                .toList()));
        worker.expectMessageClass(DispatchProtocol.StatusAck.class);
        Assignments removed = worker.expectMessageClass(Assignments.class);
        assertThat(removed.removed()).containsExactlyInAnyOrderElementsOf(all.tasks().stream().map(a -> a.task().id()).toList());
        assertThat(read().tasks()).isEmpty();
    }

    @Test
    void aNodeWhoseHeartbeatsStopIsDownItsTasksAreReplacedAndTheOldOnesStoppedWhenItReturns() {
        this.<io.shoal.api.model.Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        this.<Service>command(r -> new ClusterState.CreateService(Services.replicated("web", 2), r));
        DispatchProtocol.SessionOpened opened = open("node1");
        List<Task> first = worker.expectMessageClass(Assignments.class).tasks().stream().map(DispatchProtocol.AssignedTask::task).toList();

        clock.advance(Duration.ofMillis(2500));
        dispatcher.tell(new DispatchProtocol.Heartbeat("node1", opened.sessionId()));
        worker.expectMessageClass(DispatchProtocol.HeartbeatAck.class);
        clock.advance(Duration.ofMillis(2500));
        worker.expectNoMessage(Duration.ofMillis(100));
        assertThat(read().nodes().get(0).status().state()).as("alive while it heartbeats").isEqualTo("ready");

        clock.advance(Duration.ofMillis(1000));
        worker.awaitAssert(() -> {
            StateSnapshot s = read();
            assertThat(s.nodes().get(0).status().state()).isEqualTo("down");
            assertThat(s.tasks()).filteredOn(t -> t.desiredState() == TaskState.RUNNING).hasSize(2)
                    .allSatisfy(t -> assertThat(t.status().state()).isEqualTo(TaskState.PENDING));
            return null;
        });

        open("node1");
        Assignments back = worker.expectMessageClass(Assignments.class);
        assertThat(back.tasks()).filteredOn(a -> first.contains(a.task()) || first.stream().anyMatch(f -> f.id().equals(a.task().id())))
                .extracting(a -> a.task().desiredState()).containsOnly(TaskState.SHUTDOWN).hasSize(2);
        worker.awaitAssert(() -> {
            assertThat(read().tasks()).filteredOn(t -> t.desiredState() == TaskState.RUNNING).hasSize(2)
                    .allSatisfy(t -> assertThat(t.status().state()).isEqualTo(TaskState.ASSIGNED));
            return null;
        });
    }

    @Test
    void eachWorkerGetsItsCompleteSetAgainAfterTheFullSyncInterval() {
        this.<io.shoal.api.model.Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        this.<Service>command(r -> new ClusterState.CreateService(Services.replicated("web", 1), r));
        DispatchProtocol.SessionOpened opened = open("node1");
        assertThat(worker.expectMessageClass(Assignments.class).complete()).isTrue();
        // Heartbeats 3 s apart, nothing changing. The dispatcher's ticks run on real time, so the tick that starts
        // its 10 s interval may come after the test's clock moved on: the complete set comes again once 10 s have
        // passed from then, never before 10 s.
        java.time.Instant opening = clock.instant();
        Assignments again = null;
        for (int i = 0; i < 8 && again == null; i++) { // up to 24 s
            clock.advance(Duration.ofSeconds(3));
            dispatcher.tell(new DispatchProtocol.Heartbeat("node1", opened.sessionId()));
            boolean acked = false;
            while (!acked) {
                WorkerMessage m = worker.receiveMessage(Duration.ofSeconds(30));
                if (m instanceof DispatchProtocol.HeartbeatAck) {
                    acked = true;
                } else if (m instanceof Assignments set && again == null) {
                    assertThat(clock.instant()).isAfterOrEqualTo(opening.plus(Duration.ofSeconds(10)));
                    again = set;
                } else {
                    throw new AssertionError("unexpected " + m);
                }
            }
        }
        if (again == null) {
            again = worker.expectMessageClass(Assignments.class, Duration.ofSeconds(30));
        }
        assertThat(again).isNotNull();
        assertThat(again.complete()).isTrue();
        assertThat(again.tasks()).hasSize(1);
    }

    @Test
    void aSwarmUpdateOfTheHeartbeatPeriodIsToldToEverySessionWhichKeepsItsId() {
        io.shoal.api.model.Swarm swarm = this.<io.shoal.api.model.Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        DispatchProtocol.SessionOpened opened = open("node1");
        worker.expectMessageClass(Assignments.class);
        this.<io.shoal.api.model.Swarm>command(r -> new ClusterState.UpdateSwarm(read().swarm().version().index(),
                new io.shoal.api.model.Swarm.Spec(null, null, null, 4_000_000_000L), r));
        DispatchProtocol.SessionOpened retimed = worker.expectMessageClass(DispatchProtocol.SessionOpened.class);
        assertThat(retimed.sessionId()).isEqualTo(opened.sessionId());
        assertThat(retimed.heartbeatPeriodMillis()).isEqualTo(4000);
        // The session now lives missed-heartbeats × 4 s: 10 s of silence is not enough to mark the node down.
        clock.advance(Duration.ofSeconds(10));
        worker.expectNoMessage(Duration.ofMillis(300));
        assertThat(read().nodes().get(0).status().state()).isEqualTo("ready");
        assertThat(swarm.spec().heartbeatPeriod()).isEqualTo(1_000_000_000L);
    }

    @Test
    void aDispatcherThatJustStartedGivesSilentNodesItsStartupGraceBeforeMarkingThemDown() {
        KIT.stop(dispatcher);
        this.<io.shoal.api.model.Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r));
        // A new dispatcher, as after a manager restart: node1 is ready in the state but has no session here.
        ActorRef<io.shoal.api.dispatch.DispatcherMessage> restarted = KIT.spawn(Dispatcher.create(state, view,
                new DispatcherSettings(Duration.ofSeconds(1), 3, Duration.ofMillis(10), Duration.ofSeconds(10), Duration.ofSeconds(15)),
                clock, IdGenerator.random(new SecureRandom())));
        worker.expectNoMessage(Duration.ofMillis(300)); // it starts, and ticks, at T0
        clock.advance(Duration.ofSeconds(10)); // three heartbeat periods and more, but within the grace
        worker.expectNoMessage(Duration.ofMillis(200));
        assertThat(read().nodes().get(0).status().state()).isEqualTo("ready");

        clock.advance(Duration.ofSeconds(6)); // past the grace (T0 + 15 s), and silent for more than three periods
        worker.awaitAssert(() -> {
            assertThat(read().nodes().get(0).status().state()).isEqualTo("down");
            return null;
        });
        KIT.stop(restarted);
    }
}
