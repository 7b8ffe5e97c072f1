package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;

/**
 * The image must support the node's OS and architecture (any of the image's platforms will do). Node
 * platforms do not change during a plan, so {@link Demand} evaluates each platform list once per node.
 */
public final class PlatformFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return !demand.platforms().isEmpty();
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        return demand.platformsMatch(node);
    }

    @Override
    public String explain(int nodes) {
        return "unsupported platform on " + NodeFilter.nodes(nodes);
    }
}
