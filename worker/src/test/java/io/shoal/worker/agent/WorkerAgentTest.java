package io.shoal.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.receptionist.Receptionist;
import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.dispatch.DispatcherMessage;
import io.shoal.api.dispatch.WorkerMessage;
import io.shoal.api.model.Node;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import io.shoal.worker.task.FakeTaskRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The agent against a probe registered as the dispatcher: session, assignments, acked status, reopening. */
class WorkerAgentTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final ExecutorService BLOCKING = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
        BLOCKING.shutdownNow();
    }

    @Test
    void opensASessionRunsItsAssignmentsAndResendsUnacknowledgedStatusOnANewSession() {
        TestProbe<DispatcherMessage> dispatcher = KIT.createTestProbe(DispatcherMessage.class);
        KIT.system().receptionist().tell(Receptionist.register(WorkerAgent.DISPATCHER, dispatcher.getRef()));
        Node node = Nodes.ready("node1");
        FakeTaskRuntime runtime = new FakeTaskRuntime().withImage("busybox:latest");
        KIT.spawn(WorkerAgent.create("node1", node::description, node::status, runtime, BLOCKING,
                new WorkerSettings(Duration.ofMillis(200), 3, Duration.ofMillis(20)), Clock.systemUTC()));

        DispatchProtocol.OpenSession open = dispatcher.expectMessageClass(DispatchProtocol.OpenSession.class, Duration.ofSeconds(30));
        assertThat(open.nodeId()).isEqualTo("node1");
        assertThat(open.description()).isEqualTo(node.description());
        ActorRef<WorkerMessage> worker = ActorRefResolver.get(KIT.system()).resolveActorRef(open.worker());
        worker.tell(new DispatchProtocol.SessionOpened("s1", 200));
        Task t = new Task("t1", new Version(5), Nodes.T0, Nodes.T0, Services.replicated("web", 1).taskTemplate(), "svc1", 1L,
                "node1", TaskStatus.of(Nodes.T0, TaskState.ASSIGNED, "assigned"), TaskState.RUNNING, 1);
        worker.tell(new DispatchProtocol.Assignments("s1", true, List.of(new DispatchProtocol.AssignedTask(t, "web")), List.of()));

        DispatchProtocol.ReportStatus first = nextReport(dispatcher);
        assertThat(first.sessionId()).isEqualTo("s1");
        assertThat(first.updates()).extracting(DispatchProtocol.TaskUpdate::taskId).containsOnly("t1");
        // Not acknowledged, and heartbeats go unanswered: the agent opens a new session and sends it again.
        DispatchProtocol.OpenSession reopen = nextOf(dispatcher, DispatchProtocol.OpenSession.class);
        assertThat(reopen.nodeId()).isEqualTo("node1");
        worker.tell(new DispatchProtocol.SessionOpened("s2", 200));
        DispatchProtocol.ReportStatus again = nextReport(dispatcher);
        assertThat(again.sessionId()).isEqualTo("s2");
        assertThat(again.updates()).extracting(u -> u.status().state()).isNotEmpty();
        assertThat(again.updates().get(0).status().state()).isGreaterThanOrEqualTo(first.updates().get(0).status().state());
        worker.tell(new DispatchProtocol.StatusAck("s2", again.seq()));
        assertThat(runtime.containers()).hasSize(1);
    }

    @Test
    void aChangedDescriptionIsSentInANewSessionAtTheNextHeartbeat() {
        ActorTestKit kit = ActorTestKit.create(); // its own receptionist: only this test's probe is the dispatcher
        try {
            TestProbe<DispatcherMessage> dispatcher = kit.createTestProbe(DispatcherMessage.class);
            kit.system().receptionist().tell(Receptionist.register(WorkerAgent.DISPATCHER, dispatcher.getRef()));
            Node node = Nodes.ready("node1");
            AtomicReference<Node.Description> description = new AtomicReference<>(node.description());
            kit.spawn(WorkerAgent.create("node1", description::get, node::status, new FakeTaskRuntime(), BLOCKING,
                    new WorkerSettings(Duration.ofMillis(100), 50, Duration.ofMillis(20)), Clock.systemUTC()));
            DispatchProtocol.OpenSession open = dispatcher.expectMessageClass(DispatchProtocol.OpenSession.class, Duration.ofSeconds(30));
            ActorRef<WorkerMessage> worker = ActorRefResolver.get(kit.system()).resolveActorRef(open.worker());
            worker.tell(new DispatchProtocol.SessionOpened("s1", 100));
            DispatchProtocol.Heartbeat beat = nextOf(dispatcher, DispatchProtocol.Heartbeat.class);
            assertThat(beat.sessionId()).isEqualTo("s1");

            Node.Description bigger = new Node.Description(node.description().hostname(), node.description().platform(),
                    new io.shoal.api.model.ResourceObject(8_000_000_000L, 32L << 30, null), node.description().engine());
            description.set(bigger);
            DispatchProtocol.OpenSession reopen = nextOf(dispatcher, DispatchProtocol.OpenSession.class);
            assertThat(reopen.description()).isEqualTo(bigger);
        } finally {
            kit.shutdownTestKit();
        }
    }

    static DispatchProtocol.ReportStatus nextReport(TestProbe<DispatcherMessage> dispatcher) {
        return nextOf(dispatcher, DispatchProtocol.ReportStatus.class);
    }

    /** The next message of that type, skipping heartbeats and other traffic. */
    static <T> T nextOf(TestProbe<DispatcherMessage> dispatcher, Class<T> type) {
        while (true) {
            DispatcherMessage m = dispatcher.receiveMessage(Duration.ofSeconds(30));
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }
}
