package io.shoal.scheduler;

import io.shoal.scheduler.constraint.Constraint;
import io.shoal.scheduler.constraint.ConstraintParse;
import io.shoal.scheduler.constraint.ConstraintParser;
import io.shoal.scheduler.constraint.NodeAttribute;
import io.shoal.scheduler.filter.Demand;
import io.shoal.scheduler.filter.FilterPipeline;
import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.rank.LongHeap;
import io.shoal.scheduler.rank.NodeRank;
import io.shoal.scheduler.rank.TieBreak;
import io.shoal.scheduler.spread.Grouping;
import io.shoal.scheduler.spread.PreferenceParse;
import io.shoal.scheduler.spread.PreferenceTree;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.NodeInfo;
import io.shoal.scheduler.view.PlacementRequest;
import io.shoal.scheduler.view.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan in progress over one snapshot. Each batch is one pass of the filter pipeline over the
 * nodes, which yields the eligible nodes and how many tasks each can still take; the tasks are then
 * handed out through the preference tree and per-leaf heaps in spread order. What a batch places is
 * recorded, so later batches see it. Not thread-safe.
 */
public final class SchedulingSession {
    private final ClusterView view;
    private final SchedulerSettings settings;
    private final FilterPipeline pipeline;
    private final NodeInfo[] nodes;
    private final TieBreak tieBreak;
    private final Map<String, PlacedOn> placedByService = new HashMap<>();
    private final Map<List<Constraint>, BitSet> constraintMatches = new HashMap<>();
    private final Map<List<Platform>, BitSet> platformMatches = new HashMap<>();
    private final Map<NodeAttribute, Grouping> groupings = new HashMap<>();
    private final boolean[] penalized;
    private final int[] eligible;
    private final int[] capacity;
    private final List<Placement> placements = new ArrayList<>();
    private final List<Unplaceable> unplaceable = new ArrayList<>();

    SchedulingSession(ClusterView view, SchedulerSettings settings, FilterPipeline pipeline) {
        this.view = view;
        this.settings = settings;
        this.pipeline = pipeline;
        int n = view.size();
        this.nodes = new NodeInfo[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = new NodeInfo(view.nodes().get(i), i);
        }
        this.tieBreak = new TieBreak(n, settings.seed());
        this.penalized = new boolean[n];
        this.eligible = new int[n];
        this.capacity = new int[n];
    }

    /** Everything placed and explained so far in this session. */
    public Plan plan() {
        return new Plan(placements, unplaceable);
    }

    /** Places one batch and returns its decisions (also kept for {@link #plan()}). */
    public Plan place(PlacementRequest request) {
        int placedBefore = placements.size();
        int unplaceableBefore = unplaceable.size();
        if (!request.taskIds().isEmpty()) {
            ConstraintParse constraints = ConstraintParser.parse(request.constraints());
            PreferenceParse preferences = PreferenceParse.parse(request.preferences());
            if (constraints instanceof ConstraintParse.Invalid) {
                explainAll(request, 0, ((ConstraintParse.Invalid) constraints).reason());
            } else if (preferences instanceof PreferenceParse.Invalid) {
                explainAll(request, 0, ((PreferenceParse.Invalid) preferences).reason());
            } else {
                Demand demand = demand(request, ((ConstraintParse.Valid) constraints).constraints());
                if (request.mode() == Mode.GLOBAL) {
                    placeGlobal(demand);
                } else {
                    placeReplicated(demand, (PreferenceParse.Valid) preferences);
                }
            }
        }
        return new Plan(placements.subList(placedBefore, placements.size()),
                unplaceable.subList(unplaceableBefore, unplaceable.size()));
    }

    private void placeReplicated(Demand demand, PreferenceParse.Valid preferences) {
        PlacementRequest request = demand.request();
        int wanted = request.taskIds().size();
        FilterPipeline.Run run = pipeline.start(demand);
        int count = 0;
        for (NodeInfo node : nodes) {
            if (run.accepts(node)) {
                eligible[count++] = node.index();
                capacity[node.index()] = demand.capacityOn(node, wanted);
            }
        }
        markPenalties(request.serviceId(), true);
        int offset = tieBreak.offsetFor(request.serviceId());
        List<Grouping> levels = new ArrayList<>(preferences.levels().size());
        for (NodeAttribute attribute : preferences.levels()) {
            levels.add(groupings.computeIfAbsent(attribute, a -> Grouping.of(a, view.nodes())));
        }
        PreferenceTree tree = PreferenceTree.build(levels, eligible, count, new PreferenceTree.Members() {
            @Override
            public int serviceTasks(int node) {
                return demand.tasksOn(nodes[node]);
            }

            @Override
            public int capacity(int node) {
                return capacity[node];
            }

            @Override
            public long key(int node) {
                return keyOf(demand, node, offset);
            }
        });
        int next = 0;
        while (next < wanted && tree.hasRoom()) {
            LongHeap leaf = tree.nextLeaf();
            int node = tieBreak.node(NodeRank.rank(leaf.poll()), offset);
            commit(demand, nodes[node], request.taskIds().get(next++));
            if (--capacity[node] > 0) {
                leaf.add(keyOf(demand, node, offset));
            }
        }
        markPenalties(request.serviceId(), false);
        if (next < wanted) {
            run.resetCounts();
            for (NodeInfo node : nodes) {
                run.accepts(node);
            }
            explainAll(request, next, run.explain());
        }
    }

    private void placeGlobal(Demand demand) {
        PlacementRequest request = demand.request();
        FilterPipeline.Run run = pipeline.start(demand);
        for (int t = 0; t < request.taskIds().size(); t++) {
            String taskId = request.taskIds().get(t);
            String nodeId = request.pinnedNodeIds().get(t);
            int index = view.indexOf(nodeId);
            if (index < 0) {
                unplaceable.add(new Unplaceable(taskId, request.serviceId(),
                        "no suitable node (node " + nodeId + " is not in the cluster)"));
                continue;
            }
            run.resetCounts();
            if (run.accepts(nodes[index])) {
                commit(demand, nodes[index], taskId);
            } else {
                unplaceable.add(new Unplaceable(taskId, request.serviceId(), run.explain()));
            }
        }
    }

    private void commit(Demand demand, NodeInfo node, String taskId) {
        PlacementRequest request = demand.request();
        Map<String, List<String>> named = node.commit(request.reservations(), request.hostPorts());
        demand.countPlaced(node);
        placedByService.computeIfAbsent(request.serviceId(), k -> new PlacedOn()).add(node.index());
        placements.add(new Placement(taskId, request.serviceId(), node.view().id(), named));
    }

    private long keyOf(Demand demand, int node, int offset) {
        NodeInfo info = nodes[node];
        return NodeRank.key(penalized[node], demand.tasksOn(info), info.totalTasks(), tieBreak.rank(node, offset));
    }

    private void explainAll(PlacementRequest request, int from, String reason) {
        for (int i = from; i < request.taskIds().size(); i++) {
            unplaceable.add(new Unplaceable(request.taskIds().get(i), request.serviceId(), reason));
        }
    }

    /** Compiles a batch: its service's live task count on every node and its constraints' matches. */
    private Demand demand(PlacementRequest request, List<Constraint> constraints) {
        int[] serviceTasks = new int[nodes.length];
        ClusterView.Footprint existing = view.tasksOf(request.serviceId());
        for (int i = 0; i < existing.nodes().length; i++) {
            serviceTasks[existing.nodes()[i]] += existing.counts()[i];
        }
        PlacedOn placed = placedByService.get(request.serviceId());
        if (placed != null) {
            for (int i = 0; i < placed.size; i++) {
                serviceTasks[placed.nodes[i]]++;
            }
        }
        BitSet matches = constraints.isEmpty() ? null : constraintMatches.computeIfAbsent(constraints, this::match);
        BitSet platforms = request.platforms().isEmpty() ? null
                : platformMatches.computeIfAbsent(request.platforms(), this::matchPlatforms);
        return new Demand(request, constraints, matches, platforms, serviceTasks);
    }

    private BitSet match(List<Constraint> constraints) {
        BitSet bits = new BitSet(nodes.length);
        for (NodeInfo node : nodes) {
            boolean all = true;
            for (Constraint c : constraints) {
                if (!c.matches(node.view())) {
                    all = false;
                    break;
                }
            }
            bits.set(node.index(), all);
        }
        return bits;
    }

    private BitSet matchPlatforms(List<Platform> platforms) {
        BitSet bits = new BitSet(nodes.length);
        for (NodeInfo node : nodes) {
            for (Platform p : platforms) {
                if (p.runsOn(node.view().platform())) {
                    bits.set(node.index());
                    break;
                }
            }
        }
        return bits;
    }

    private void markPenalties(String serviceId, boolean on) {
        ClusterView.Footprint failures = view.failuresOf(serviceId);
        for (int i = 0; i < failures.nodes().length; i++) {
            if (failures.counts()[i] >= settings.failureThreshold()) {
                penalized[failures.nodes()[i]] = on;
            }
        }
    }

    /** Nodes this session put a service's tasks on, one entry per task. */
    private static final class PlacedOn {
        int[] nodes = new int[8];
        int size;

        void add(int node) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            nodes[size++] = node;
        }
    }
}
