package io.shoal.scheduler.filter;

import static io.shoal.scheduler.fixtures.Nodes.CPU;
import static io.shoal.scheduler.fixtures.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.SchedulerSettings;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.view.Availability;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.PlacementRequest;
import io.shoal.scheduler.view.Reservations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPipelineTest {

    /** Nodes in each state: drained, small (1 CPU), wrong dc, good (4 CPUs, dc=east). */
    @ParameterizedTest(name = "drained={0} small={1} west={2} good={3} tasks={4}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 2 | 3 | 0 | 1 | no suitable node (insufficient resources on 2 nodes; scheduling constraints not satisfied on 3 nodes)
            1 | 0 | 0 | 0 | 1 | no suitable node (1 node not available for new tasks)
            2 | 1 | 1 | 0 | 1 | no suitable node (2 nodes not available for new tasks; insufficient resources on 1 node; scheduling constraints not satisfied on 1 node)
            0 | 0 | 0 | 0 | 1 | no suitable node
            0 | 0 | 0 | 1 | 3 | no suitable node (insufficient resources on 1 node)
            """)
    void explainsEachReasonWithItsNodeCount(int drained, int small, int west, int good, int tasks, String reason) {
        List<NodeView> nodes = new ArrayList<>();
        for (int i = 0; i < drained; i++) {
            nodes.add(node("d" + i).label("dc", "east").availability(Availability.DRAIN).build());
        }
        for (int i = 0; i < small; i++) {
            nodes.add(node("s" + i).label("dc", "east").capacity(CPU, 1L << 30).build());
        }
        for (int i = 0; i < west; i++) {
            nodes.add(node("w" + i).label("dc", "west").build());
        }
        for (int i = 0; i < good; i++) {
            nodes.add(node("g" + i).label("dc", "east").build());
        }
        PlacementRequest request = PlacementRequest.replicated("svc", PlacementRequest.taskIds("svc", tasks))
                .withReservations(Reservations.of(2 * CPU, 0)).withConstraints("node.labels.dc==east");
        Plan plan = new Scheduler(SchedulerSettings.defaults()).plan(ClusterView.of(nodes), List.of(request));
        assertThat(plan.placements()).hasSize(2 * good);
        assertThat(plan.unplaceable()).hasSize(tasks - 2 * good).extracting(Unplaceable::reason).containsOnly(reason);
    }

    @Test
    void filtersThatDoNotApplyAreSkipped() {
        FilterPipeline.Run run = FilterPipeline.standard().start(new Demand(
                PlacementRequest.replicated("svc", List.of("t")), List.of(), null, null, new int[1]));
        assertThat(run.accepts(new io.shoal.scheduler.view.NodeInfo(node("n").build(), 0))).isTrue();
        assertThat(run.explain()).isEqualTo("no suitable node");
    }
}
