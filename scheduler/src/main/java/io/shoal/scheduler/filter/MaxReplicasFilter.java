package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;

/** A node may run at most {@code max_replicas_per_node} tasks of the service. */
public final class MaxReplicasFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return demand.maxReplicasPerNode() > 0;
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        return demand.tasksOn(node) < demand.maxReplicasPerNode();
    }

    @Override
    public String explain(int nodes) {
        return "max replicas per node limit exceeded on " + NodeFilter.nodes(nodes);
    }
}
