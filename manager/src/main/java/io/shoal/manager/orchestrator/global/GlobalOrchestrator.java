package io.shoal.manager.orchestrator.global;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.orchestrator.Reconciliation;
import io.shoal.manager.placement.Constraints;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import io.shoal.manager.orchestrator.TaskFactory;

/**
 * One task per eligible node: ready, not drained, and meeting the service's constraints. A paused node
 * keeps what it has but gets nothing new; a task on a node that stopped being eligible is shut down.
 */
public final class GlobalOrchestrator {
    private GlobalOrchestrator() {}

    public static void reconcile(Service service, Collection<Task> tasksOfService, Map<String, Node> nodes,
                                 TaskFactory factory, Reconciliation out) {
        Map<String, Task> liveByNode = new HashMap<>();
        for (Task t : tasksOfService) {
            if (t.desiredState() != TaskState.RUNNING) {
                continue;
            }
            Node node = nodes.get(t.nodeId());
            boolean keep = node != null && !"drain".equals(node.spec().availability())
                    && Constraints.matchAll(service.spec().taskTemplate(), node)
                    && !liveByNode.containsKey(t.nodeId());
            if (keep && !t.status().state().isTerminal() && t.spec().equals(service.spec().taskTemplate())) {
                liveByNode.put(t.nodeId(), t);
            } else {
                out.update().add(factory.desire(t, keep ? TaskState.SHUTDOWN : TaskState.REMOVE));
            }
        }
        for (Node node : nodes.values()) {
            boolean eligible = node.isReady() && "active".equals(node.spec().availability())
                    && Constraints.matchAll(service.spec().taskTemplate(), node);
            if (eligible && !liveByNode.containsKey(node.id())) {
                out.create().add(factory.newTask(service, null, node.id()));
            }
        }
    }
}
