package io.shoal.manager.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.model.Node;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.placement.SchedulerAdapter;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands against the pure decisions, applied the way the behavior applies them. */
class DecisionsTest {
    State state;
    Decisions decisions;

    @BeforeEach
    void swarmWithOneManager() {
        AtomicInteger n = new AtomicInteger();
        decisions = new Decisions(Clock.fixed(Nodes.T0, ZoneOffset.UTC), () -> String.format("id%023d", n.incrementAndGet()));
        state = State.empty();
        run(decisions.initSwarm(state, Nodes.manager("node1")));
    }

    <T> T run(Decision<T> d) {
        assertThat(d.result()).isInstanceOf(Result.Ok.class);
        decisions.withReconciliation(state, d.events(), 5).forEach(state::apply);
        return ((Result.Ok<T>) d.result()).value();
    }

    List<Task> live(Service s) {
        return state.tasksOf(s.id()).stream().filter(t -> t.desiredState() == TaskState.RUNNING).toList();
    }

    @Test
    void aReplicatedServiceGetsOneAssignedTaskPerSlot() {
        Service web = run(decisions.createService(state, Services.replicated("web", 3)));
        assertThat(live(web)).hasSize(3).extracting(Task::slot).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(live(web)).allSatisfy(t -> {
            assertThat(t.nodeId()).isEqualTo("node1");
            assertThat(t.status().state()).isEqualTo(TaskState.ASSIGNED);
            assertThat(t.status().message()).isEqualTo(SchedulerAdapter.WAITING);
        });
        assertThat(state.index()).isEqualTo(web.version().index() + 3);
    }

    @Test
    void scalingDownRemovesTheHighestSlots() {
        Service web = run(decisions.createService(state, Services.replicated("web", 3)));
        web = run(decisions.updateService(state, web.id(), web.version().index(), Services.replicated("web", 1)));
        assertThat(state.tasksOf(web.id())).extracting(Task::slot).containsExactly(1L);
    }

    @Test
    void changingTheTaskSpecReplacesEveryTaskAndKeepsHistory() {
        Service web = run(decisions.createService(state, Services.replicated("web", 2)));
        List<String> before = live(web).stream().map(Task::id).toList();
        web = run(decisions.updateService(state, web.id(), web.version().index(),
                Services.withEnv(Services.replicated("web", 2), "A=1")));
        assertThat(live(web)).hasSize(2).noneMatch(t -> before.contains(t.id()));
        assertThat(state.tasksOf(web.id())).filteredOn(t -> before.contains(t.id()))
                .allSatisfy(t -> assertThat(t.status().state()).isEqualTo(TaskState.SHUTDOWN));
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Service web = run(decisions.createService(state, Services.replicated("web", 1)));
        long index = state.index();
        Decision<Service> stale = decisions.updateService(state, web.id(), web.version().index() - 1, Services.replicated("web", 5));
        assertThat(stale.result()).isEqualTo(Result.rejected(Result.Reason.CONFLICT,
                "update out of sequence: service web is at version " + web.version().index()
                        + ", the update was based on version " + (web.version().index() - 1)));
        assertThat(stale.events()).isEmpty();
        assertThat(state.index()).isEqualTo(index);
    }

    @Test
    void nameConflictsAndInvalidSpecsAreRefused() {
        run(decisions.createService(state, Services.replicated("web", 1)));
        assertThat(decisions.createService(state, Services.replicated("web", 2)).result())
                .isEqualTo(Result.rejected(Result.Reason.CONFLICT, "name conflicts with an existing object: service web already exists"));
        assertThat(decisions.createService(state, Services.replicated("web", -1)).result())
                .isInstanceOfSatisfying(Result.Rejected.class, r -> assertThat(r.message()).contains("Mode.Replicated.Replicas"));
    }

    @Test
    void withoutASwarmNothingIsAccepted() {
        State empty = State.empty();
        assertThat(decisions.createService(empty, Services.replicated("web", 1)).result())
                .isInstanceOfSatisfying(Result.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Result.Reason.NOT_A_SWARM));
    }

    @Test
    void aGlobalServiceRunsOncePerActiveNodeAndLeavesDrainedNodes() {
        run(registerExtraNode("node2"));
        Service agent = run(decisions.createService(state, Services.global("agent")));
        assertThat(live(agent)).extracting(Task::nodeId).containsExactlyInAnyOrder("node1", "node2");
        Node node2 = state.node("node2").orElseThrow();
        run(decisions.updateNode(state, "node2", node2.version().index(),
                new Node.Spec(null, null, "worker", "drain")));
        assertThat(live(agent)).extracting(Task::nodeId).containsExactly("node1");
    }

    @Test
    void drainingMovesReplicatedTasksAndConstraintsThatNoNodeMeetsLeaveThemPending() {
        Service web = run(decisions.createService(state, Services.withConstraints(Services.replicated("web", 2), "node.labels.dc==east")));
        assertThat(live(web)).allSatisfy(t -> {
            assertThat(t.status().state()).isEqualTo(TaskState.PENDING);
            assertThat(t.status().err()).isEqualTo("no suitable node (scheduling constraints not satisfied on 1 node)");
        });
        Node node1 = state.node("node1").orElseThrow();
        run(decisions.updateNode(state, "node1", node1.version().index(),
                new Node.Spec(null, java.util.Map.of("dc", "east"), "manager", "active")));
        assertThat(live(web)).allSatisfy(t -> assertThat(t.status().state()).isEqualTo(TaskState.ASSIGNED));
    }

    @Test
    void discreteGenericResourcesHeldByLiveTasksAreNotGivenTwice() {
        Service train = trainOnOneGpuNode(discrete("gpu", 2L));
        assertThat(live(train)).extracting(x -> x.status().state()).containsExactlyInAnyOrder(TaskState.ASSIGNED, TaskState.ASSIGNED, TaskState.PENDING);
        run(decisions.updateService(state, train.id(), state.service(train.id()).orElseThrow().version().index(),
                state.service(train.id()).orElseThrow().spec().withMode(io.shoal.api.model.ServiceSpec.Mode.ofReplicas(3))));
        assertThat(live(train)).filteredOn(x -> x.status().state() == TaskState.PENDING).singleElement()
                .satisfies(x -> assertThat(x.status().err()).isEqualTo("no suitable node (insufficient resources on 1 node)"));
    }

    @Test
    void namedGenericResourcesAreRecordedOnTheTaskAndNeverGivenTwice() {
        Service train = trainOnOneGpuNode(named("gpu", "GPU-0"), named("gpu", "GPU-1"));
        assertThat(live(train)).filteredOn(x -> x.status().state() == TaskState.ASSIGNED)
                .flatExtracting(Task::assigned)
                .extracting(g -> g.namedResourceSpec().kind() + "=" + g.namedResourceSpec().value())
                .containsExactlyInAnyOrder("gpu=GPU-0", "gpu=GPU-1");
        assertThat(live(train)).filteredOn(x -> x.status().state() == TaskState.PENDING).singleElement()
                .satisfies(x -> assertThat(x.assigned()).isEmpty());
    }

    private static ResourceObject.GenericResource discrete(String kind, long count) {
        return new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec(kind, count));
    }

    private static ResourceObject.GenericResource named(String kind, String id) {
        return new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec(kind, id), null);
    }

    /** A new swarm of one node offering {@code offered}, and a service "train" of 3 tasks reserving one gpu each. */
    private Service trainOnOneGpuNode(ResourceObject.GenericResource... offered) {
        Node gpuNode = Nodes.manager("node1");
        gpuNode = gpuNode.withDescription(new Node.Description("h", gpuNode.description().platform(),
                new ResourceObject(4_000_000_000L, 8L << 30, List.of(offered)), null),
                gpuNode.status(), gpuNode.version(), gpuNode.updatedAt());
        state = State.empty();
        run(decisions.initSwarm(state, gpuNode));
        var spec = Services.replicated("train", 3);
        var t = spec.taskTemplate();
        spec = spec.withTaskTemplate(new io.shoal.api.model.TaskSpec(t.containerSpec(), new io.shoal.api.model.TaskSpec.Resources(null,
                new ResourceObject(null, null, List.of(discrete("gpu", 1L)))), null, null, null, null, null, null));
        return run(decisions.createService(state, spec));
    }

    @Test
    void theLastManagerCannotBeDemoted() {
        Node node1 = state.node("node1").orElseThrow();
        assertThat(decisions.updateNode(state, "node1", node1.version().index(), new Node.Spec(null, null, "worker", "active")).result())
                .isEqualTo(Result.rejected(Result.Reason.INVALID, "attempting to demote the last manager of the swarm"));
    }

    @Test
    void removingAServiceRemovesTasksThatNeverStarted() {
        Service web = run(decisions.createService(state, Services.replicated("web", 2)));
        run(decisions.removeService(state, web.id()));
        assertThat(state.services()).isEmpty();
        assertThat(state.tasks()).isEmpty();
    }

    private Decision<Node> registerExtraNode(String id) {
        Node n = Nodes.ready(id);
        Node stamped = new Node(id, new io.shoal.api.model.Version(state.index() + 1), n.createdAt(), n.updatedAt(), n.spec(),
                n.description(), n.status(), null);
        return Decision.of(List.of(new ClusterEvent.NodeRegistered(stamped)), stamped, null);
    }

    void addNode(String id) {
        state.apply(new ClusterEvent.NodeRegistered(Nodes.ready(id).withSpec(Nodes.ready(id).spec(),
                new io.shoal.api.model.Version(state.index() + 1), Nodes.T0)));
    }

    List<ClusterState.ObservedStatus> report(List<Task> tasks, TaskState st) {
        return tasks.stream().map(t -> new ClusterState.ObservedStatus(t.nodeId(), t.id(),
                io.shoal.api.model.TaskStatus.of(Nodes.T0, st, st.dockerName()))).toList();
    }

    @Test
    void workersMoveTasksForwardOnlyAndOnlyOnTheirOwnNode() {
        Service web = run(decisions.createService(state, Services.replicated("web", 2)));
        List<Task> tasks = live(web);
        assertThat(run(decisions.observeTasks(state, report(tasks, TaskState.RUNNING)))).isEqualTo(2);
        assertThat(run(decisions.observeTasks(state, report(tasks, TaskState.STARTING)))).as("backwards").isZero();
        List<ClusterState.ObservedStatus> foreign = tasks.stream().map(t -> new ClusterState.ObservedStatus("node9", t.id(),
                io.shoal.api.model.TaskStatus.of(Nodes.T0, TaskState.FAILED, "x"))).toList();
        assertThat(run(decisions.observeTasks(state, foreign))).as("another node's report").isZero();
        assertThat(live(web)).extracting(t -> t.status().state()).containsOnly(TaskState.RUNNING);
    }

    @Test
    void aDownNodesReplicatedTasksAreReplacedOnAnotherNode() {
        addNode("node2");
        Service web = run(decisions.createService(state, Services.replicated("web", 4)));
        List<Task> onNode1 = live(web).stream().filter(t -> t.nodeId().equals("node1")).toList();
        assertThat(onNode1).hasSize(2);
        run(decisions.observeTasks(state, report(live(web), TaskState.RUNNING)));

        assertThat(run(decisions.markNodesDown(state, List.of("node1"), "heartbeat failure"))).isEqualTo(1);
        assertThat(live(web)).hasSize(4).allSatisfy(t -> assertThat(t.nodeId()).isEqualTo("node2"));
        assertThat(onNode1).allSatisfy(old -> {
            Task now = state.task(old.id()).orElseThrow();
            assertThat(now.desiredState()).isEqualTo(TaskState.SHUTDOWN);
            assertThat(now.status().state()).as("what was last observed stays until the node says").isEqualTo(TaskState.RUNNING);
        });
        assertThat(run(decisions.markNodesDown(state, List.of("node1"), "again"))).as("already down").isZero();
    }

    @Test
    void aFailedTaskIsReplacedAfterItsRestartDelayAndDrainMovesTasksWhilePauseKeepsThem() {
        addNode("node2");
        MutableDecisions m = new MutableDecisions();
        decisions = m.d;
        Service web = run(m.d.createService(state, Services.replicated("web", 2)));
        Task first = live(web).get(0);
        run(m.d.observeTasks(state, report(List.of(first), TaskState.FAILED)));
        Task replacement = state.tasksOf(web.id()).stream().filter(t -> t.slot().equals(first.slot()) && !t.id().equals(first.id()))
                .findFirst().orElseThrow();
        assertThat(replacement.desiredState()).as("held for the default 5 s delay").isEqualTo(TaskState.READY);
        assertThat(replacement.status().state()).as("not placed before it may start").isEqualTo(TaskState.NEW);
        assertThat(state.task(first.id()).orElseThrow().desiredState()).isEqualTo(TaskState.SHUTDOWN);
        m.now = m.now.plusSeconds(5);
        run(m.d.updateNode(state, "node2", state.node("node2").orElseThrow().version().index(),
                new Node.Spec(null, null, "worker", "pause")));
        assertThat(state.task(replacement.id()).orElseThrow().desiredState()).isEqualTo(TaskState.RUNNING);
        assertThat(state.task(replacement.id()).orElseThrow().status().state()).isEqualTo(TaskState.ASSIGNED);
        List<String> before = live(web).stream().map(Task::id).toList();
        assertThat(live(web)).as("pause keeps tasks").extracting(Task::id).containsExactlyElementsOf(before);

        Node node1 = state.node("node1").orElseThrow();
        run(m.d.updateNode(state, "node1", node1.version().index(), new Node.Spec(null, null, "manager", "drain")));
        run(m.d.updateNode(state, "node2", state.node("node2").orElseThrow().version().index(),
                new Node.Spec(null, null, "worker", "active")));
        assertThat(live(web)).hasSize(2).allSatisfy(t -> assertThat(t.nodeId()).isEqualTo("node2"));
    }

    /** Decisions on a clock the test moves. */
    final class MutableDecisions {
        java.time.Instant now = Nodes.T0;
        final AtomicInteger n = new AtomicInteger(1000);
        final Decisions d = new Decisions(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now;
            }
        }, () -> String.format("mx%023d", n.incrementAndGet()));
    }
}
