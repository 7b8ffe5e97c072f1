package io.shoal.scheduler.filter;

import io.shoal.scheduler.constraint.Constraint;
import io.shoal.scheduler.view.NodeInfo;
import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.PlacementRequest;
import io.shoal.scheduler.view.PublishedPort;
import io.shoal.scheduler.view.Reservations;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One batch's request compiled for the filters: constraints parsed and already evaluated against every
 * node ({@code constraintMatch}, shared by batches with the same constraints), and the live count of
 * the service's tasks on each node, indexed by {@link NodeInfo#index()}.
 */
public final class Demand {
    private final PlacementRequest request;
    private final List<Constraint> constraints;
    private final BitSet constraintMatch;
    private final int[] serviceTasks;

    public Demand(PlacementRequest request, List<Constraint> constraints, BitSet constraintMatch, int[] serviceTasks) {
        this.request = request;
        this.constraints = List.copyOf(constraints);
        this.constraintMatch = constraintMatch;
        this.serviceTasks = serviceTasks;
    }

    public PlacementRequest request() {
        return request;
    }

    public Reservations reservations() {
        return request.reservations();
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public List<Platform> platforms() {
        return request.platforms();
    }

    public List<PublishedPort> hostPorts() {
        return request.hostPorts();
    }

    public int maxReplicasPerNode() {
        return request.maxReplicasPerNode();
    }

    public boolean constraintsMatch(NodeInfo node) {
        return constraintMatch.get(node.index());
    }

    /** Tasks of this service on the node, including those this plan placed. */
    public int tasksOn(NodeInfo node) {
        return serviceTasks[node.index()];
    }

    /** Records one more task of this service on the node. */
    public void countPlaced(NodeInfo node) {
        serviceTasks[node.index()]++;
    }

    /**
     * How many more tasks of this batch the node can take, at most {@code limit}: bounded by each
     * resource, by max replicas per node and, with host ports, by one. Assumes the filters passed.
     */
    public int capacityOn(NodeInfo node, int limit) {
        long cap = limit;
        Reservations r = reservations();
        if (r.nanoCpus() > 0) {
            cap = Math.min(cap, node.freeNanoCpus() / r.nanoCpus());
        }
        if (r.memoryBytes() > 0) {
            cap = Math.min(cap, node.freeMemoryBytes() / r.memoryBytes());
        }
        for (Map.Entry<String, Long> g : r.generic().entrySet()) {
            cap = Math.min(cap, node.freeGeneric(g.getKey()) / g.getValue());
        }
        if (maxReplicasPerNode() > 0) {
            cap = Math.min(cap, maxReplicasPerNode() - tasksOn(node));
        }
        if (!hostPorts().isEmpty()) {
            cap = Math.min(cap, 1);
        }
        return (int) Math.max(0, cap);
    }
}
