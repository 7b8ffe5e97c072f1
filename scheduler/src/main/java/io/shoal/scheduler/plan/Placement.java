package io.shoal.scheduler.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task assigned to a node, with the named generic resources (kind → ids, e.g. {@code gpu → [GPU-1]})
 * given to it; empty when it asked for none.
 */
public record Placement(String taskId, String serviceId, String nodeId, Map<String, List<String>> genericResources)
        implements Decision {

    public Placement {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(nodeId, "nodeId");
        genericResources = Map.copyOf(genericResources);
    }
}
