package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;

/** Only ready nodes whose availability is active get new tasks; paused and drained nodes get none. */
public final class ReadyFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return true;
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        return node.acceptsNewTasks();
    }

    @Override
    public String explain(int nodes) {
        return NodeFilter.nodes(nodes) + " not available for new tasks";
    }
}
