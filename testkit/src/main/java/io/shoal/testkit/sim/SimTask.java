package io.shoal.testkit.sim;

import java.util.List;
import java.util.Map;

/** A task: pending (no node) or placed; global tasks are pinned to their node from the start. */
final class SimTask {
    final String id;
    final String serviceId;
    final String pinnedNodeId;
    String nodeId;
    Map<String, List<String>> generic = Map.of();
    String pendingReason;

    SimTask(String id, String serviceId, String pinnedNodeId) {
        this.id = id;
        this.serviceId = serviceId;
        this.pinnedNodeId = pinnedNodeId;
    }

    boolean pending() {
        return nodeId == null;
    }
}
