package io.shoal.manager.orchestrator;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.orchestrator.global.GlobalOrchestrator;
import io.shoal.manager.orchestrator.reaper.TaskReaper;
import io.shoal.manager.orchestrator.replicated.ReplicatedOrchestrator;
import io.shoal.manager.placement.SchedulerAdapter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings tasks in line with services and nodes, as a pure function of the state: the replicated and
 * global orchestrators decide which tasks should exist, the scheduler places the waiting ones, and the reaper
 * retires what is no longer wanted and trims history. Run after every change; a no-op when nothing is due.
 */
public final class Orchestrator {
    private Orchestrator() {}

    public static Reconciliation reconcile(Collection<Service> services, Collection<Task> tasks, Collection<Node> nodeList,
                                           TaskFactory factory, SchedulerAdapter placer, long historyLimit) {
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

        List<Task> created = new ArrayList<>();
        List<Task> waiting = new ArrayList<>();
        for (Task t : decided.create()) {
            (t.desiredState() == TaskState.RUNNING ? waiting : created).add(t); // held ones wait unplaced
        }
        for (Task t : working.values()) {
            if (t.desiredState() == TaskState.RUNNING && t.status().state().compareTo(TaskState.PENDING) <= 0) {
                waiting.add(t);
            }
        }
        List<Task> placed = new ArrayList<>();
        for (Task t : working.values()) {
            if (t.nodeId() != null && t.status().state().compareTo(TaskState.PENDING) > 0) {
                placed.add(t);
            }
        }
        java.util.Set<String> isNew = new java.util.HashSet<>();
        decided.create().forEach(t -> isNew.add(t.id()));
        for (Task t : placer.place(nodeList, placed, serviceById, waiting, factory.now())) {
            if (isNew.contains(t.id())) {
                created.add(t);
            } else if (t != working.get(t.id())) {
                changed.put(t.id(), t);
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

}
