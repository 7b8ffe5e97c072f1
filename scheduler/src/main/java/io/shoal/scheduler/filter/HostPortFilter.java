package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;
import io.shoal.scheduler.view.PublishedPort;

/** Host-mode published ports must be free on the node; a task that binds them leaves no room for another. */
public final class HostPortFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return !demand.hostPorts().isEmpty();
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        for (PublishedPort p : demand.hostPorts()) {
            if (node.portInUse(p)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String explain(int nodes) {
        return "host-mode port already in use on " + NodeFilter.nodes(nodes);
    }
}
