package io.shoal.scheduler.spread;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.SchedulerSettings;
import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.NodeViewBuilder;
import io.shoal.scheduler.view.PlacementRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadTest {

    /**
     * Each node is "svcTasks/otherTasks"; the expected column is how many new tasks each node gets.
     * Fewest tasks of the service first, then fewest tasks overall.
     */
    @ParameterizedTest(name = "{0} + {1} tasks -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0/0 0/0 0/0       | 3 | 1 1 1
            0/0 0/10 0/20     | 7 | 3 2 2
            2/0 0/0 0/0       | 4 | 0 2 2
            3/0 0/0 1/5       | 3 | 0 2 1
            0/5 0/0 0/9       | 1 | 0 1 0
            0/5 0/0 0/9       | 2 | 1 1 0
            1/0 1/3 1/1       | 2 | 1 0 1
            5/0 0/0           | 9 | 2 7
            """)
    void fewestTasksOfTheServiceThenFewestOverall(String nodes, int tasks, String expected) {
        String[] specs = nodes.trim().split("\\s+");
        List<NodeView> views = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            String[] counts = specs[i].split("/");
            views.add(node("n" + i).tasks("svc", Integer.parseInt(counts[0])).otherTasks(Integer.parseInt(counts[1])).build());
        }
        Map<String, Long> got = place(views, PlacementRequest.replicated("svc", PlacementRequest.taskIds("t", tasks)));
        assertThat(perNode(got, specs.length)).isEqualTo(expected.trim());
    }

    /**
     * Nodes as "dc:rack:svcTasks"; preferences spread over dc then rack; expected tasks per dc.
     * Nodes without the label form their own group.
     */
    @ParameterizedTest(name = "{0} {1} + {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            a:1:0 a:2:0 b:1:0 b:1:0 c:1:0 | spread=node.labels.dc                         | 6 | a=2 b=2 c=2
            a:1:0 a:2:0 b:1:0 b:1:0 c:1:0 | spread=node.labels.dc                         | 7 | a=3 b=2 c=2
            a:1:3 b:1:0 c:1:0             | spread=node.labels.dc                         | 3 | a=0 b=2 c=1
            a:1:0 a:1:0 a:1:0 b:1:0       | spread=node.labels.dc                         | 4 | a=2 b=2
            a:1:0 -:1:0 -:1:0             | spread=node.labels.dc                         | 4 | -=2 a=2
            a:1:0 a:1:0 a:2:0 b:1:0       | spread=node.labels.dc,spread=node.labels.rack | 4 | a=2 b=2
            a:1:0 a:2:0 b:1:0             | node.labels.dc                                | 2 | a=1 b=1
            """)
    void preferencesSpreadOverGroupsFirst(String nodes, String preferences, int tasks, String expected) {
        List<NodeView> views = new ArrayList<>();
        Map<String, String> dcOf = new TreeMap<>();
        int i = 0;
        for (String spec : nodes.trim().split("\\s+")) {
            String[] p = spec.split(":");
            NodeViewBuilder b = node("n" + i).label("rack", p[1]).tasks("svc", Integer.parseInt(p[2]));
            if (!p[0].equals("-")) {
                b.label("dc", p[0]);
            }
            dcOf.put("n" + i, p[0]);
            views.add(b.build());
            i++;
        }
        Map<String, Long> got = place(views, PlacementRequest.replicated("svc", PlacementRequest.taskIds("t", tasks))
                .withPreferences(preferences.split(",")));
        Map<String, Long> perDc = new TreeMap<>();
        dcOf.values().forEach(dc -> perDc.put(dc, 0L));
        got.forEach((n, c) -> perDc.merge(dcOf.get(n), c, Long::sum));
        String actual = perDc.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        assertThat(actual).isEqualTo(expected.trim());
    }

    /** Within a group the spread order holds: {@code rack=1} in dc a has two nodes, each gets one. */
    @ParameterizedTest(name = "{0} tasks")
    @CsvSource({"4", "8"})
    void nodesWithinALeafStayWithinOne(int tasks) {
        List<NodeView> views = List.of(node("a1").label("dc", "a").build(), node("a2").label("dc", "a").build(),
                node("b1").label("dc", "b").build(), node("b2").label("dc", "b").build());
        Map<String, Long> got = place(views, PlacementRequest.replicated("svc", PlacementRequest.taskIds("t", tasks))
                .withPreferences("spread=node.labels.dc"));
        assertThat(got.values()).containsOnly((long) tasks / 4);
    }

    private static Map<String, Long> place(List<NodeView> nodes, PlacementRequest request) {
        Plan plan = new Scheduler(SchedulerSettings.defaults()).plan(ClusterView.of(nodes), List.of(request));
        assertThat(plan.unplaceable()).isEmpty();
        return plan.placements().stream().collect(Collectors.groupingBy(Placement::nodeId, TreeMap::new, Collectors.counting()));
    }

    private static String perNode(Map<String, Long> got, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf(got.getOrDefault("n" + i, 0L)));
        }
        return String.join(" ", out);
    }
}
