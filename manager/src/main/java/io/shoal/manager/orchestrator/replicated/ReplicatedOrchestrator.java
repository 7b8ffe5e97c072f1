package io.shoal.manager.orchestrator.replicated;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.orchestrator.Reconciliation;
import io.shoal.manager.orchestrator.TaskFactory;
import io.shoal.manager.orchestrator.restart.RestartPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One task per slot 1..replicas. A slot without a live task gets a new one; a live task that runs an old
 * spec, or sits on a node that is gone, drained or down (missed heartbeats) is shut down and replaced at
 * once (the old task stays desired {@code shutdown} and is stopped when its node comes back); a task that
 * ended on its own is replaced as its {@link RestartPolicy} says, the new one held in {@code ready} until
 * the restart delay has passed. Slots above the replica count are removed (highest first, as Swarm does).
 */
public final class ReplicatedOrchestrator {
    private ReplicatedOrchestrator() {}

    public static void reconcile(Service service, Collection<Task> tasksOfService, Map<String, Node> nodes,
                                 TaskFactory factory, Reconciliation out) {
        long replicas = service.spec().replicas();
        Map<Long, Task> liveBySlot = new TreeMap<>();
        Map<Long, List<Task>> bySlot = new HashMap<>();
        for (Task t : tasksOfService) {
            bySlot.computeIfAbsent(t.slot(), k -> new ArrayList<>()).add(t);
            if (t.desiredState().compareTo(TaskState.RUNNING) <= 0) {
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
            } else if (live.status().state().isTerminal()) {
                if (RestartPolicy.shouldRestart(live, bySlot.get(slot), factory.now())) {
                    out.update().add(factory.desire(live, TaskState.SHUTDOWN));
                    out.create().add(factory.newTask(service, slot, null, RestartPolicy.initialDesired(service.spec().taskTemplate())));
                }
            } else if (live.desiredState() == TaskState.READY && RestartPolicy.released(live, factory.now())) {
                out.update().add(factory.desire(live, TaskState.RUNNING));
            }
        }
        for (Map.Entry<Long, Task> e : liveBySlot.entrySet()) {
            if (e.getKey() > replicas) {
                out.update().add(factory.desire(e.getValue(), TaskState.REMOVE));
            }
        }
    }

    /** Replaced at once, whatever the restart policy: the task no longer fits its service or its node. */
    static boolean needsReplacement(Task live, Service service, Map<String, Node> nodes) {
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
