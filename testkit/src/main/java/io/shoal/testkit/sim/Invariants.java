package io.shoal.testkit.sim;

import io.shoal.scheduler.plan.Decision;
import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.PlacementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one tick's plan against the simulation's own reading of the rules, replaying the batches in
 * order: every task placed or explained exactly once; each placement on a node that was eligible and
 * had room (so no node goes over its resources, constraints, platforms, ports and max-per-node hold);
 * spread within one task between eligible nodes with room, and between preference groups at every
 * level; and a task is left unplaceable only when no node could take it.
 */
final class Invariants {
    private final long seed;
    private final List<Violation> found = new ArrayList<>();
    private int step;

    Invariants(long seed) {
        this.seed = seed;
    }

    List<Violation> found() {
        return found;
    }

    /** Replays {@code plan} on {@code usage} (the state before the tick), which it updates. */
    void checkTick(int step, SimCluster cluster, Map<String, Usage> usage, List<PlacementRequest> batches, Plan plan) {
        this.step = step;
        Map<String, List<Placement>> placed = new HashMap<>();
        Map<String, List<Unplaceable>> refused = new HashMap<>();
        checkAccounting(cluster, batches, plan);
        plan.placements().forEach(p -> placed.computeIfAbsent(p.serviceId(), k -> new ArrayList<>()).add(p));
        plan.unplaceable().forEach(u -> refused.computeIfAbsent(u.serviceId(), k -> new ArrayList<>()).add(u));
        for (PlacementRequest batch : batches) {
            SimService s = cluster.services.get(batch.serviceId());
            List<Placement> ps = placed.getOrDefault(s.id, List.of());
            List<Unplaceable> us = refused.getOrDefault(s.id, List.of());
            if (s.mode == Mode.GLOBAL) {
                checkGlobal(cluster, usage, s, ps, us);
            } else {
                checkReplicated(cluster, usage, s, ps, us);
            }
        }
        for (SimNode n : cluster.nodes.values()) {
            Usage u = usage.get(n.id);
            if (u.nanoCpus > n.nanoCpus || u.memoryBytes > n.memoryBytes || u.gpuIds.size() + u.gpusWithoutId > n.gpus.size()) {
                fail("no node over its resources", n.id);
            }
            u.problems.forEach(p -> fail("resources given once", n.id + ": " + p));
        }
    }

    private void checkAccounting(SimCluster cluster, List<PlacementRequest> batches, Plan plan) {
        Set<String> asked = new HashSet<>();
        batches.forEach(b -> asked.addAll(b.taskIds()));
        Set<String> answered = new HashSet<>();
        for (Decision d : plan.decisions()) {
            if (!asked.contains(d.taskId()) || !answered.add(d.taskId())) {
                fail("every task placed or explained once", d.taskId() + " answered twice or never asked");
            }
            if (d instanceof Unplaceable && !((Unplaceable) d).reason().startsWith("no suitable node")) {
                fail("unplaceable tasks are explained", d.taskId() + ": " + ((Unplaceable) d).reason());
            }
            SimTask t = cluster.tasks.get(d.taskId());
            if (t == null || !t.pending()) {
                fail("only pending tasks are placed", d.taskId());
            }
        }
        asked.removeAll(answered);
        asked.forEach(id -> fail("every task placed or explained once", id + " has no decision"));
    }

    private void checkGlobal(SimCluster cluster, Map<String, Usage> usage, SimService s, List<Placement> ps, List<Unplaceable> us) {
        for (Placement p : ps) {
            SimNode n = cluster.nodes.get(p.nodeId());
            if (!p.nodeId().equals(cluster.tasks.get(p.taskId()).pinnedNodeId)) {
                fail("global tasks stay on their node", p.taskId() + " went to " + p.nodeId());
            } else if (!Fit.eligible(n, s) || !Fit.hasRoom(n, usage.get(n.id), s)) {
                fail("placed only where it fits", p.taskId() + " on " + n.id);
            }
            usage.get(p.nodeId()).add(s, p.genericResources());
        }
        for (Unplaceable u : us) {
            SimNode n = cluster.nodes.get(cluster.tasks.get(u.taskId()).pinnedNodeId);
            if (n != null && Fit.eligible(n, s) && Fit.hasRoom(n, usage.get(n.id), s)) {
                fail("unplaceable only when nothing fits", u.taskId() + " refused by " + n.id + ": " + u.reason());
            }
        }
    }

    private void checkReplicated(SimCluster cluster, Map<String, Usage> usage, SimService s, List<Placement> ps,
            List<Unplaceable> us) {
        List<SimNode> eligible = new ArrayList<>();
        for (SimNode n : cluster.nodes.values()) {
            if (Fit.eligible(n, s) && Fit.hasRoom(n, usage.get(n.id), s)) {
                eligible.add(n);
            }
        }
        Set<String> eligibleIds = new HashSet<>();
        eligible.forEach(n -> eligibleIds.add(n.id));
        Set<String> receivers = new HashSet<>();
        for (Placement p : ps) {
            SimNode n = cluster.nodes.get(p.nodeId());
            if (n == null || !eligibleIds.contains(n.id) || !Fit.hasRoom(n, usage.get(n.id), s)) {
                fail("placed only where it fits", p.taskId() + " of " + s.id + " on " + p.nodeId());
                continue;
            }
            usage.get(n.id).add(s, p.genericResources());
            receivers.add(n.id);
        }
        if (!us.isEmpty()) {
            for (SimNode n : eligible) {
                if (Fit.hasRoom(n, usage.get(n.id), s)) {
                    fail("unplaceable only when nothing fits", s.id + " left " + us.size() + " pending but " + n.id + " has room");
                    break;
                }
            }
        }
        checkSpread(s, eligible, receivers, usage);
    }

    /** Water-filling at every preference level and between the nodes of each leaf group. */
    private void checkSpread(SimService s, List<SimNode> eligible, Set<String> receivers, Map<String, Usage> usage) {
        int levels = s.preferenceLabels.size();
        for (int k = 1; k <= levels + 1; k++) {
            Map<List<String>, Map<String, long[]>> parents = new LinkedHashMap<>();
            for (SimNode n : eligible) {
                List<String> path = path(n, s, Math.min(k, levels));
                List<String> parent = k <= levels ? path.subList(0, k - 1) : path;
                String child = k <= levels ? path.get(k - 1) : n.id;
                long[] agg = parents.computeIfAbsent(parent, p -> new LinkedHashMap<>()).computeIfAbsent(child, c -> new long[3]);
                agg[0] += usage.get(n.id).of(s.id);
                agg[1] |= Fit.hasRoom(n, usage.get(n.id), s) ? 1 : 0;
                agg[2] |= receivers.contains(n.id) ? 1 : 0;
            }
            for (Map.Entry<List<String>, Map<String, long[]>> e : parents.entrySet()) {
                long maxReceived = Long.MIN_VALUE;
                long minWithRoom = Long.MAX_VALUE;
                for (long[] agg : e.getValue().values()) {
                    if (agg[2] == 1) {
                        maxReceived = Math.max(maxReceived, agg[0]);
                    }
                    if (agg[1] == 1) {
                        minWithRoom = Math.min(minWithRoom, agg[0]);
                    }
                }
                if (maxReceived != Long.MIN_VALUE && minWithRoom != Long.MAX_VALUE && maxReceived > minWithRoom + 1) {
                    fail("spread within one", s.id + (k <= levels ? " level " + k : " nodes") + " under " + e.getKey()
                            + ": a receiver has " + maxReceived + ", a group with room " + minWithRoom);
                }
            }
        }
    }

    private static List<String> path(SimNode n, SimService s, int levels) {
        List<String> path = new ArrayList<>(levels);
        for (int i = 0; i < levels; i++) {
            path.add(String.valueOf(n.labels.get(s.preferenceLabels.get(i))));
        }
        return path;
    }

    private void fail(String invariant, String detail) {
        found.add(new Violation(seed, step, invariant, detail));
    }
}
