package io.shoal.scheduler.filter;

import io.shoal.scheduler.view.NodeInfo;

/**
 * One reason a node may not take a task. The pipeline asks each filter that {@link #appliesTo} the
 * batch, in order, and counts the nodes each one rejected so a pending task can say why.
 */
public interface NodeFilter {

    /** False when the batch asks nothing of this filter (no constraints, no reservations…). */
    boolean appliesTo(Demand demand);

    /** True if the node can take one more task of the batch. */
    boolean accepts(Demand demand, NodeInfo node);

    /** Why {@code nodes} nodes were rejected, in Docker's words ({@code insufficient resources on 2 nodes}). */
    String explain(int nodes);

    /** {@code "1 node"} or {@code "N nodes"}. */
    static String nodes(int n) {
        return n == 1 ? "1 node" : n + " nodes";
    }
}
