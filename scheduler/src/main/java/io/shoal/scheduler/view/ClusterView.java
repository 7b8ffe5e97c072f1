package io.shoal.scheduler.view;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot of every node that one scheduling tick works on, with indexes built once: nodes by id,
 * and for each service the nodes that run it (so a batch touches only those, not every node's map).
 */
public final class ClusterView {
    private final List<NodeView> nodes;
    private final Map<String, Integer> indexById;
    private final Map<String, Footprint> tasksByService;
    private final Map<String, Footprint> failuresByService;

    /** Where one service is: parallel arrays of node indexes and counts. */
    public record Footprint(int[] nodes, int[] counts) {
        static final Footprint EMPTY = new Footprint(new int[0], new int[0]);
    }

    private ClusterView(List<NodeView> nodes) {
        this.nodes = List.copyOf(nodes);
        this.indexById = new HashMap<>(nodes.size() * 2);
        Map<String, Growable> tasks = new HashMap<>();
        Map<String, Growable> failures = new HashMap<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            NodeView n = this.nodes.get(i);
            if (indexById.put(n.id(), i) != null) {
                throw new IllegalArgumentException("duplicate node id " + n.id());
            }
            int index = i;
            n.tasksPerService().forEach((s, c) -> tasks.computeIfAbsent(s, k -> new Growable()).add(index, c));
            n.recentFailures().forEach((s, c) -> failures.computeIfAbsent(s, k -> new Growable()).add(index, c));
        }
        this.tasksByService = freeze(tasks);
        this.failuresByService = freeze(failures);
    }

    public static ClusterView of(List<NodeView> nodes) {
        return new ClusterView(nodes);
    }

    public List<NodeView> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    /** The node's position in {@link #nodes()}, or -1. */
    public int indexOf(String nodeId) {
        return indexById.getOrDefault(nodeId, -1);
    }

    public Footprint tasksOf(String serviceId) {
        return tasksByService.getOrDefault(serviceId, Footprint.EMPTY);
    }

    public Footprint failuresOf(String serviceId) {
        return failuresByService.getOrDefault(serviceId, Footprint.EMPTY);
    }

    private static Map<String, Footprint> freeze(Map<String, Growable> m) {
        Map<String, Footprint> out = new HashMap<>(m.size() * 2);
        m.forEach((k, g) -> out.put(k, new Footprint(Arrays.copyOf(g.nodes, g.size), Arrays.copyOf(g.counts, g.size))));
        return out;
    }

    private static final class Growable {
        int[] nodes = new int[4];
        int[] counts = new int[4];
        int size;

        void add(int node, int count) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            nodes[size] = node;
            counts[size++] = count;
        }
    }
}
