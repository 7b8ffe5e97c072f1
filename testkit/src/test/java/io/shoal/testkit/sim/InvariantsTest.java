package io.shoal.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.NodeRole;
import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.Reservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks must fail on wrong plans, or a green simulation means nothing. */
class InvariantsTest {

    /** Two 1-CPU nodes, a service of 2 one-CPU tasks; the plan is "node of task 1, node of task 2" (- = unplaceable). */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a | b | -
            a | a | spread within one
            a | - | unplaceable only when nothing fits
            b | x | placed only where it fits
            """)
    void wrongPlansAreCaught(String first, String second, String invariant) {
        SimCluster cluster = new SimCluster();
        for (String id : List.of("a", "b")) {
            cluster.nodes.put(id, new SimNode(id, NodeRole.WORKER, new Platform("linux", "amd64"), Map.of(), Map.of(),
                    2_000_000_000L, 1L << 30, List.of()));
        }
        cluster.services.put("s", new SimService("s", Mode.REPLICATED, 2, Reservations.of(500_000_000L, 0), List.of(),
                List.of(), List.of(), List.of(), 0));
        cluster.reconcile();
        List<String> tasks = new ArrayList<>(cluster.tasks.keySet());
        List<Placement> placed = new ArrayList<>();
        List<Unplaceable> refused = new ArrayList<>();
        String[] nodes = {first, second};
        for (int i = 0; i < 2; i++) {
            if (nodes[i].equals("-")) {
                refused.add(new Unplaceable(tasks.get(i), "s", "no suitable node"));
            } else {
                placed.add(new Placement(tasks.get(i), "s", nodes[i], Map.of()));
            }
        }
        Invariants invariants = new Invariants(0);
        invariants.checkTick(1, cluster, cluster.usage(), cluster.pendingBatches(), new Plan(placed, refused));
        if (invariant.equals("-")) {
            assertThat(invariants.found()).isEmpty();
        } else {
            assertThat(invariants.found()).extracting(Violation::invariant).contains(invariant);
        }
    }
}
