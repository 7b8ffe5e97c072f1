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
    private final BitSet platformMatch;
    private final int[] serviceTasks;
    private final long nanoCpus;
    private final long memoryBytes;
    private final boolean generic;

    /**
     * @param constraintMatch bit per node: all constraints hold (may be null without constraints)
     * @param platformMatch   bit per node: one of the platforms runs there (may be null without platforms)
     * @param serviceTasks    live tasks of the service per node; the batch adds to it as it places
     */
    public Demand(PlacementRequest request, List<Constraint> constraints, BitSet constraintMatch, BitSet platformMatch,
            int[] serviceTasks) {
        this.request = request;
        this.constraints = List.copyOf(constraints);
        this.constraintMatch = constraintMatch;
        this.platformMatch = platformMatch;
        this.serviceTasks = serviceTasks;
        this.nanoCpus = request.reservations().nanoCpus();
        this.memoryBytes = request.reservations().memoryBytes();
        this.generic = !request.reservations().generic().isEmpty();
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

    public boolean platformsMatch(NodeInfo node) {
        return platformMatch.get(node.index());
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
        if (nanoCpus > 0) {
            cap = Math.min(cap, node.freeNanoCpus() / nanoCpus);
        }
        if (memoryBytes > 0) {
            cap = Math.min(cap, node.freeMemoryBytes() / memoryBytes);
        }
        if (generic) {
            for (Map.Entry<String, Long> g : reservations().generic().entrySet()) {
                cap = Math.min(cap, node.freeGeneric(g.getKey()) / g.getValue());
            }
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
