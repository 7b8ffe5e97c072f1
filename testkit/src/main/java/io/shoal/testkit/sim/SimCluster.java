package io.shoal.testkit.sim;

import io.shoal.scheduler.view.Availability;
import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.NodeViewBuilder;
import io.shoal.scheduler.view.PlacementRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated cluster's desired and observed state in one place: nodes, services and tasks, with a
 * small orchestrator (create or remove tasks to match each service) and the snapshot the scheduler
 * reads. Insertion-ordered maps keep every run of a seed identical.
 */
final class SimCluster {
    final Map<String, SimNode> nodes = new LinkedHashMap<>();
    final Map<String, SimService> services = new LinkedHashMap<>();
    final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private long nextTask;

    /** Sums what placed tasks take on each node (every node has an entry). */
    Map<String, Usage> usage() {
        Map<String, Usage> usage = new LinkedHashMap<>();
        nodes.keySet().forEach(id -> usage.put(id, new Usage()));
        for (SimTask t : tasks.values()) {
            if (!t.pending()) {
                usage.get(t.nodeId).add(services.get(t.serviceId), t.generic);
            }
        }
        return usage;
    }

    /** The scheduler's snapshot of every node, built from the simulation's own accounting. */
    List<NodeView> nodeViews(Map<String, Usage> usage) {
        Map<String, Set<String>> usedGpus = new LinkedHashMap<>();
        for (SimTask t : tasks.values()) {
            if (!t.pending()) {
                usedGpus.computeIfAbsent(t.nodeId, k -> new HashSet<>()).addAll(t.generic.getOrDefault("gpu", List.of()));
            }
        }
        List<NodeView> views = new ArrayList<>(nodes.size());
        for (SimNode n : nodes.values()) {
            Usage u = usage.get(n.id);
            NodeViewBuilder b = NodeView.builder(n.id).role(n.role).ready(n.ready).availability(n.availability)
                    .platform(n.platform.os(), n.platform.architecture())
                    .capacity(n.nanoCpus, n.memoryBytes).reserved(u.nanoCpus, u.memoryBytes);
            n.labels.forEach(b::label);
            n.engineLabels.forEach(b::engineLabel);
            Set<String> used = usedGpus.getOrDefault(n.id, Set.of());
            String[] free = n.gpus.stream().filter(g -> !used.contains(g)).toArray(String[]::new);
            if (free.length > 0) {
                b.named("gpu", free);
            }
            u.perService.forEach(b::tasks);
            u.ports.forEach(b::usedPort);
            views.add(b.build());
        }
        return views;
    }

    /** One batch per service with pending tasks, in service order. */
    List<PlacementRequest> pendingBatches() {
        Map<String, List<SimTask>> pending = new LinkedHashMap<>();
        for (SimTask t : tasks.values()) {
            if (t.pending()) {
                pending.computeIfAbsent(t.serviceId, k -> new ArrayList<>()).add(t);
            }
        }
        List<PlacementRequest> batches = new ArrayList<>();
        for (SimService s : services.values()) {
            List<SimTask> ts = pending.get(s.id);
            if (ts == null) {
                continue;
            }
            List<String> ids = ts.stream().map(t -> t.id).toList();
            List<String> pins = s.mode == Mode.GLOBAL ? ts.stream().map(t -> t.pinnedNodeId).toList() : List.of();
            batches.add(new PlacementRequest(s.id, ids, s.reservations, s.constraints, s.preferences(), s.platforms,
                    s.hostPorts, s.maxReplicasPerNode, s.mode, pins));
        }
        return batches;
    }

    /** The orchestrator's part: tasks created or removed so each service has what it asks for. */
    void reconcile() {
        tasks.values().removeIf(t -> !services.containsKey(t.serviceId));
        tasks.values().removeIf(t -> t.nodeId != null && !nodes.containsKey(t.nodeId));
        tasks.values().removeIf(t -> t.nodeId != null && nodes.get(t.nodeId).availability == Availability.DRAIN);
        for (SimService s : services.values()) {
            if (s.mode == Mode.GLOBAL) {
                reconcileGlobal(s);
            } else {
                reconcileReplicated(s);
            }
        }
    }

    private void reconcileReplicated(SimService s) {
        List<SimTask> mine = tasks.values().stream().filter(t -> t.serviceId.equals(s.id)).toList();
        for (int i = mine.size(); i < s.replicas; i++) {
            add(new SimTask(s.id + ".t" + nextTask++, s.id, null));
        }
        int extra = mine.size() - s.replicas;
        if (extra <= 0) {
            return;
        }
        Map<String, Long> perNode = new LinkedHashMap<>();
        mine.forEach(t -> perNode.merge(String.valueOf(t.nodeId), 1L, Long::sum));
        List<SimTask> victims = new ArrayList<>(mine);
        victims.sort(Comparator.comparing((SimTask t) -> !t.pending())
                .thenComparing(t -> -perNode.get(String.valueOf(t.nodeId)))
                .thenComparing(t -> t.id));
        victims.subList(0, extra).forEach(t -> tasks.remove(t.id));
    }

    private void reconcileGlobal(SimService s) {
        tasks.values().removeIf(t -> t.serviceId.equals(s.id)
                && (!nodes.containsKey(t.pinnedNodeId) || nodes.get(t.pinnedNodeId).availability == Availability.DRAIN));
        Set<String> covered = new HashSet<>();
        tasks.values().stream().filter(t -> t.serviceId.equals(s.id)).forEach(t -> covered.add(t.pinnedNodeId));
        for (SimNode n : nodes.values()) {
            if (n.acceptsNewTasks() && !covered.contains(n.id)) {
                add(new SimTask(s.id + ".t" + nextTask++, s.id, n.id));
            }
        }
    }

    private void add(SimTask t) {
        tasks.put(t.id, t);
    }
}
