package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;

/** Every constraint of the service must hold on the node (evaluated once per plan, see {@link Demand}). */
public final class ConstraintFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return !demand.constraints().isEmpty();
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        return demand.constraintsMatch(node);
    }

    @Override
    public String explain(int nodes) {
        return "scheduling constraints not satisfied on " + NodeFilter.nodes(nodes);
    }
}
