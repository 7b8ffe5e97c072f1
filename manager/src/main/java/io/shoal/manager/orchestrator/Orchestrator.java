package io.shoal.manager.orchestrator;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.orchestrator.global.GlobalOrchestrator;
import io.shoal.manager.orchestrator.reaper.TaskReaper;
import io.shoal.manager.orchestrator.replicated.ReplicatedOrchestrator;
import io.shoal.manager.placement.NodePicker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings tasks in line with services and nodes, as a pure function of the state: the replicated and
 * global orchestrators decide which tasks should exist, placement assigns the new ones, and the reaper
 * retires what is no longer wanted and trims history. Run after every change; a no-op when nothing is due.
 */
public final class Orchestrator {
    private Orchestrator() {}

    public static Reconciliation reconcile(Collection<Service> services, Collection<Task> tasks, Collection<Node> nodeList,
                                           TaskFactory factory, long historyLimit) {
        Map<String, Node> nodes = new HashMap<>();
        nodeList.forEach(n -> nodes.put(n.id(), n));
        Map<String, List<Task>> byService = new HashMap<>();
        tasks.forEach(t -> byService.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t));

        Reconciliation decided = Reconciliation.empty();
        for (Service s : services) {
            List<Task> own = byService.getOrDefault(s.id(), List.of());
            if (s.spec().isGlobal()) {
                GlobalOrchestrator.reconcile(s, own, nodes, factory, decided);
            } else {
                ReplicatedOrchestrator.reconcile(s, own, nodes, factory, decided);
            }
        }
        Map<String, Service> serviceById = new HashMap<>();
        services.forEach(s -> serviceById.put(s.id(), s));
        for (Task t : tasks) {
            if (!serviceById.containsKey(t.serviceId()) && t.desiredState().compareTo(TaskState.REMOVE) < 0) {
                decided.update().add(factory.desire(t, TaskState.REMOVE));
            }
        }

        Map<String, Task> working = new LinkedHashMap<>();
        tasks.forEach(t -> working.put(t.id(), t));
        Map<String, Task> changed = new LinkedHashMap<>();
        decided.update().forEach(t -> { working.put(t.id(), t); changed.put(t.id(), t); });

        NodePicker picker = new NodePicker(nodeList, working.values());
        List<Task> created = new ArrayList<>();
        for (Task t : decided.create()) {
            created.add(t.nodeId() == null ? picker.place(t, factory.now()) : assigned(t, factory));
        }
        for (Task t : working.values()) {
            boolean unplaced = t.nodeId() == null && t.desiredState() == TaskState.RUNNING
                    && t.status().state().compareTo(TaskState.PENDING) <= 0;
            if (unplaced) {
                Task placed = picker.place(t, factory.now());
                if (placed != t) {
                    changed.put(t.id(), placed);
                }
            }
        }
        created.forEach(t -> working.put(t.id(), t));
        changed.forEach(working::put);

        Reconciliation out = new Reconciliation(created, new ArrayList<>(), new ArrayList<>());
        TaskReaper.reap(working.values(), factory, historyLimit, changed, out.remove());
        for (Task t : changed.values()) {
            if (!out.remove().contains(t.id()) && !created.contains(t)) {
                out.update().add(t);
            }
        }
        out.create().removeIf(t -> out.remove().contains(t.id()));
        return out;
    }

    private static Task assigned(Task t, TaskFactory factory) {
        return t.withStatus(io.shoal.api.model.TaskStatus.of(factory.now(), TaskState.ASSIGNED, NodePicker.WAITING),
                t.version(), factory.now());
    }
}
