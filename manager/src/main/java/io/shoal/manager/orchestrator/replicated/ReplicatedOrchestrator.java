package io.shoal.manager.orchestrator.replicated;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.orchestrator.Reconciliation;
import io.shoal.manager.orchestrator.TaskFactory;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One task per slot 1..replicas. A slot without a live task gets a new one; a live task that ended,
 * runs an old spec, or sits on a node that is gone, drained or down (missed heartbeats) is shut down and
 * replaced (the old task stays desired {@code shutdown} and is stopped when its node comes back); slots above
 * the replica count are removed (scale down, highest slots first as Swarm does).
 */
public final class ReplicatedOrchestrator {
    private ReplicatedOrchestrator() {}

    public static void reconcile(Service service, Collection<Task> tasksOfService, Map<String, Node> nodes,
                                 TaskFactory factory, Reconciliation out) {
        long replicas = service.spec().replicas();
        Map<Long, Task> liveBySlot = new TreeMap<>();
        for (Task t : tasksOfService) {
            if (t.desiredState() == TaskState.RUNNING) {
                Task other = liveBySlot.get(t.slot());
                if (other == null) {
                    liveBySlot.put(t.slot(), t);
                } else { // two live tasks in one slot: keep the newer one
                    Task newer = t.createdAt().isAfter(other.createdAt()) ? t : other;
                    liveBySlot.put(t.slot(), newer);
                    out.update().add(factory.desire(newer == t ? other : t, TaskState.SHUTDOWN));
                }
            }
        }
        for (long slot = 1; slot <= replicas; slot++) {
            Task live = liveBySlot.get(slot);
            if (live == null) {
                out.create().add(factory.newTask(service, slot, null));
            } else if (needsReplacement(live, service, nodes)) {
                out.update().add(factory.desire(live, TaskState.SHUTDOWN));
                out.create().add(factory.newTask(service, slot, null));
            }
        }
        for (Map.Entry<Long, Task> e : liveBySlot.entrySet()) {
            if (e.getKey() > replicas) {
                out.update().add(factory.desire(e.getValue(), TaskState.REMOVE));
            }
        }
    }

    static boolean needsReplacement(Task live, Service service, Map<String, Node> nodes) {
        if (live.status().state().isTerminal()) {
            return true;
        }
        if (!live.spec().equals(service.spec().taskTemplate())) {
            return true;
        }
        if (live.nodeId() == null) {
            return false;
        }
        Node node = nodes.get(live.nodeId());
        return node == null || "drain".equals(node.spec().availability())
                || node.status() != null && "down".equals(node.status().state());
    }

}
