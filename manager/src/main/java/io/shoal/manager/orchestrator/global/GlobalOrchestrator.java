package io.shoal.manager.orchestrator.global;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.orchestrator.Reconciliation;
import io.shoal.manager.placement.Constraints;
import io.shoal.manager.orchestrator.restart.RestartPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import io.shoal.manager.orchestrator.TaskFactory;

/**
 * One task per eligible node: ready, not drained, and meeting the service's constraints. A paused node
 * keeps what it has but gets nothing new; a task on a node that stopped being eligible is shut down; a task
 * that ended on its own is restarted on its node as its restart policy says.
 */
public final class GlobalOrchestrator {
    private GlobalOrchestrator() {}

    public static void reconcile(Service service, Collection<Task> tasksOfService, Map<String, Node> nodes,
                                 TaskFactory factory, Reconciliation out) {
        Map<String, Task> liveByNode = new HashMap<>();
        Map<String, List<Task>> byNode = new HashMap<>();
        tasksOfService.forEach(t -> byNode.computeIfAbsent(t.nodeId(), k -> new ArrayList<>()).add(t));
        for (Task t : tasksOfService) {
            if (t.desiredState().compareTo(TaskState.RUNNING) > 0) {
                continue;
            }
            Node node = nodes.get(t.nodeId());
            boolean keep = node != null && !"drain".equals(node.spec().availability())
                    && Constraints.matchAll(service.spec().taskTemplate(), node)
                    && !liveByNode.containsKey(t.nodeId());
            boolean current = keep && t.spec().equals(service.spec().taskTemplate());
            if (current && !t.status().state().isTerminal()) {
                liveByNode.put(t.nodeId(), t);
                if (t.desiredState() == TaskState.READY && RestartPolicy.released(t, factory.now())) {
                    out.update().add(factory.desire(t, TaskState.RUNNING));
                }
            } else if (current && !RestartPolicy.shouldRestart(t, byNode.get(t.nodeId()), factory.now())) {
                liveByNode.put(t.nodeId(), t); // ended, and its policy says it stays ended
            } else if (current) {
                out.update().add(factory.desire(t, TaskState.SHUTDOWN));
                liveByNode.put(t.nodeId(), factory.newTask(service, null, t.nodeId(),
                        RestartPolicy.initialDesired(service.spec().taskTemplate())));
                out.create().add(liveByNode.get(t.nodeId()));
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
