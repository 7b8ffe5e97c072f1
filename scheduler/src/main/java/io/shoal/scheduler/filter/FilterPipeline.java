package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The filters in Docker's order (readiness first, then resources, constraints, platform, host ports,
 * max replicas). A node is rejected by the first filter that fails, and that filter's count goes up,
 * so the explanation names each reason once with the number of nodes it excluded.
 */
public final class FilterPipeline {
    private final List<NodeFilter> filters;

    public FilterPipeline(List<NodeFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    public static FilterPipeline standard() {
        return new FilterPipeline(List.of(new ReadyFilter(), new ResourceFilter(), new ConstraintFilter(),
                new PlatformFilter(), new HostPortFilter(), new MaxReplicasFilter()));
    }

    /** The filters that apply to this batch, with zeroed failure counts. */
    public Run start(Demand demand) {
        List<NodeFilter> active = new ArrayList<>(filters.size());
        for (NodeFilter f : filters) {
            if (f.appliesTo(demand)) {
                active.add(f);
            }
        }
        return new Run(demand, active.toArray(new NodeFilter[0]));
    }

    /** One pass of the pipeline over nodes for one batch. */
    public static final class Run {
        private final Demand demand;
        private final NodeFilter[] active;
        private final int[] failures;

        Run(Demand demand, NodeFilter[] active) {
            this.demand = demand;
            this.active = active;
            this.failures = new int[active.length];
        }

        public boolean accepts(NodeInfo node) {
            for (int i = 0; i < active.length; i++) {
                if (!active[i].accepts(demand, node)) {
                    failures[i]++;
                    return false;
                }
            }
            return true;
        }

        /** Forgets the counts, to explain again after placements changed the nodes. */
        public void resetCounts() {
            Arrays.fill(failures, 0);
        }

        /** {@code no suitable node (insufficient resources on 2 nodes; …)}. */
        public String explain() {
            StringJoiner reasons = new StringJoiner("; ", " (", ")");
            reasons.setEmptyValue("");
            for (int i = 0; i < active.length; i++) {
                if (failures[i] > 0) {
                    reasons.add(active[i].explain(failures[i]));
                }
            }
            return "no suitable node" + reasons;
        }
    }
}
