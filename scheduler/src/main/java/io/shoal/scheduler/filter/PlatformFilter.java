package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;
import io.shoal.scheduler.view.Platform;

/** The image must support the node's OS and architecture (any of the image's platforms will do). */
public final class PlatformFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return !demand.platforms().isEmpty();
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        Platform nodePlatform = node.view().platform();
        for (Platform p : demand.platforms()) {
            if (p.runsOn(nodePlatform)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String explain(int nodes) {
        return "unsupported platform on " + NodeFilter.nodes(nodes);
    }
}
