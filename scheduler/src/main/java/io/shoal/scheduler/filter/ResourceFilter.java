package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;
import io.shoal.scheduler.view.Reservations;
import java.util.Map;

/** CPU, memory and generic-resource reservations must fit in what the node has left. */
public final class ResourceFilter implements NodeFilter {

    @Override
    public boolean appliesTo(Demand demand) {
        return !demand.reservations().isEmpty();
    }

    @Override
    public boolean accepts(Demand demand, NodeInfo node) {
        Reservations r = demand.reservations();
        if (r.nanoCpus() > node.freeNanoCpus() || r.memoryBytes() > node.freeMemoryBytes()) {
            return false;
        }
        if (r.generic().isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Long> g : r.generic().entrySet()) {
            if (g.getValue() > node.freeGeneric(g.getKey())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String explain(int nodes) {
        return "insufficient resources on " + NodeFilter.nodes(nodes);
    }
}
