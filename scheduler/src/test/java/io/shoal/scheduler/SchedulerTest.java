package io.shoal.scheduler;

import static io.shoal.scheduler.fixtures.Nodes.CPU;
import static io.shoal.scheduler.fixtures.Nodes.GIB;
import static io.shoal.scheduler.fixtures.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.view.Availability;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.PlacementRequest;
import io.shoal.scheduler.view.PublishedPort;
import io.shoal.scheduler.view.Reservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulerTest {
    private final Scheduler scheduler = new Scheduler(SchedulerSettings.defaults());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 42, -7})
    void sameInputAndSeedGiveTheSamePlan(long seed) {
        List<NodeView> nodes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            nodes.add(node("n" + i).label("dc", "dc" + (i % 3)).build());
        }
        List<PlacementRequest> batches = List.of(
                PlacementRequest.replicated("a", PlacementRequest.taskIds("a", 37)),
                PlacementRequest.replicated("b", PlacementRequest.taskIds("b", 20)).withPreferences("spread=node.labels.dc"));
        Scheduler seeded = new Scheduler(SchedulerSettings.defaults().withSeed(seed));
        Plan first = seeded.plan(ClusterView.of(nodes), batches);
        Plan second = seeded.plan(ClusterView.of(nodes), batches);
        assertThat(second).isEqualTo(first);
        assertThat(first.placements()).hasSize(57);
    }

    @Test
    void laterBatchesSeeEarlierPlacements() {
        List<NodeView> nodes = List.of(node("n1").capacity(2 * CPU, GIB).build(), node("n2").capacity(2 * CPU, GIB).build());
        PlacementRequest a = PlacementRequest.replicated("a", PlacementRequest.taskIds("a", 3)).withReservations(Reservations.of(CPU, 0));
        PlacementRequest b = PlacementRequest.replicated("b", PlacementRequest.taskIds("b", 2)).withReservations(Reservations.of(CPU, 0));
        Plan plan = scheduler.plan(ClusterView.of(nodes), List.of(a, b));
        assertThat(plan.placements()).hasSize(4);
        assertThat(plan.unplaceable()).extracting(Unplaceable::taskId).containsExactly("b.2");
        assertThat(plan.unplaceable().get(0).reason()).isEqualTo("no suitable node (insufficient resources on 2 nodes)");
    }

    @Test
    void sameServiceInTwoBatchesKeepsSpreading() {
        List<NodeView> nodes = List.of(node("n1").build(), node("n2").build());
        Plan plan = scheduler.plan(ClusterView.of(nodes), List.of(
                PlacementRequest.replicated("a", List.of("a.1")), PlacementRequest.replicated("a", List.of("a.2"))));
        assertThat(plan.placements()).extracting(Placement::nodeId).doesNotHaveDuplicates();
    }

    @Test
    void namedGenericResourcesAreHandedOutOnce() {
        NodeView gpuNode = node("n1").named("gpu", "GPU-0", "GPU-1", "GPU-2").build();
        Plan plan = scheduler.plan(ClusterView.of(List.of(gpuNode)), List.of(PlacementRequest
                .replicated("ml", PlacementRequest.taskIds("ml", 2)).withReservations(Reservations.NONE.withGeneric("gpu", 1))));
        assertThat(plan.placements()).extracting(Placement::genericResources)
                .containsExactly(Map.of("gpu", List.of("GPU-0")), Map.of("gpu", List.of("GPU-1")));
    }

    @Test
    void hostPortsAllowOneTaskPerNode() {
        List<NodeView> nodes = List.of(node("n1").build(), node("n2").build());
        Plan plan = scheduler.plan(ClusterView.of(nodes), List.of(PlacementRequest
                .replicated("web", PlacementRequest.taskIds("web", 3)).withHostPorts(PublishedPort.tcp(80))));
        assertThat(plan.placements()).extracting(Placement::nodeId).containsExactlyInAnyOrder("n1", "n2");
        assertThat(plan.unplaceable()).extracting(Unplaceable::reason)
                .containsExactly("no suitable node (host-mode port already in use on 2 nodes)");
    }

    @Test
    void nodesWhereTheServiceKeepsFailingAreRankedLast() {
        List<NodeView> nodes = List.of(node("bad").recentFailures("svc", 5).build(),
                node("flaky").recentFailures("svc", 4).otherTasks(3).build(), node("good").otherTasks(1).build());
        PlacementRequest three = PlacementRequest.replicated("svc", PlacementRequest.taskIds("t", 3));
        assertThat(scheduler.plan(ClusterView.of(nodes), List.of(three)).placements())
                .extracting(Placement::nodeId).containsExactly("good", "flaky", "good");
        assertThat(scheduler.plan(ClusterView.of(nodes), List.of(three.withMaxReplicasPerNode(1))).placements())
                .extracting(Placement::nodeId).containsExactly("good", "flaky", "bad");
    }

    @Test
    void globalTasksGoToTheirNodeOrExplainWhyNot() {
        List<NodeView> nodes = List.of(node("n1").build(), node("n2").availability(Availability.DRAIN).build(),
                node("n3").capacity(CPU / 2, GIB).build());
        PlacementRequest global = PlacementRequest.global("mon", List.of("m1", "m2", "m3", "m4"), List.of("n1", "n2", "n3", "gone"))
                .withReservations(Reservations.of(CPU, 0));
        Plan plan = scheduler.plan(ClusterView.of(nodes), List.of(global));
        assertThat(plan.placements()).extracting(Placement::nodeId).containsExactly("n1");
        assertThat(plan.unplaceable()).extracting(Unplaceable::reason).containsExactly(
                "no suitable node (1 node not available for new tasks)",
                "no suitable node (insufficient resources on 1 node)",
                "no suitable node (node gone is not in the cluster)");
    }

    @Test
    void anEmptyClusterExplainsEveryTask() {
        Plan plan = scheduler.plan(ClusterView.of(List.of()), List.of(PlacementRequest.replicated("a", List.of("a.1", "a.2"))));
        assertThat(plan.unplaceable()).extracting(Unplaceable::reason).containsOnly("no suitable node");
    }

    @Test
    void invalidPreferenceExplainsItself() {
        Plan plan = scheduler.plan(ClusterView.of(List.of(node("n1").build())),
                List.of(PlacementRequest.replicated("a", List.of("a.1")).withPreferences("binpack=node.labels.dc")));
        assertThat(plan.unplaceable()).extracting(Unplaceable::reason)
                .containsExactly("invalid placement preference \"binpack=node.labels.dc\": only spread is supported");
    }
}
