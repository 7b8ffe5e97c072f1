package io.shoal.scheduler.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A node during one plan: its {@link NodeView} plus what this plan has already put on it. Free
 * resources, total tasks and used ports start from the view and shrink as tasks are placed, so later
 * batches of the same plan see earlier ones. Generic resources and ports are copied only on first use.
 * Owned by one scheduling session; not thread-safe.
 */
public final class NodeInfo {
    private final NodeView view;
    private final int index;
    private final boolean acceptsNewTasks;
    private long freeNanoCpus;
    private long freeMemoryBytes;
    private int totalTasks;
    private Map<String, Long> discrete;
    private Map<String, List<String>> named;
    private Set<PublishedPort> ports;
    private boolean copiedGeneric;
    private boolean copiedPorts;

    public NodeInfo(NodeView view, int index) {
        this.view = view;
        this.index = index;
        this.acceptsNewTasks = view.acceptsNewTasks();
        this.freeNanoCpus = view.freeNanoCpus();
        this.freeMemoryBytes = view.freeMemoryBytes();
        this.totalTasks = view.totalTasks();
        this.discrete = view.freeDiscrete();
        this.named = view.freeNamed();
        this.ports = view.usedHostPorts();
    }

    public NodeView view() {
        return view;
    }

    /** Position in the cluster view; filters and rankings index per-batch arrays with it. */
    public int index() {
        return index;
    }

    /** Ready and active (copied from the view: it is read for every node of every batch). */
    public boolean acceptsNewTasks() {
        return acceptsNewTasks;
    }

    public long freeNanoCpus() {
        return freeNanoCpus;
    }

    public long freeMemoryBytes() {
        return freeMemoryBytes;
    }

    public int totalTasks() {
        return totalTasks;
    }

    /** Units of a generic resource kind still free, discrete and named together. */
    public long freeGeneric(String kind) {
        List<String> ids = named.get(kind);
        return discrete.getOrDefault(kind, 0L) + (ids == null ? 0 : ids.size());
    }

    public boolean portInUse(PublishedPort port) {
        return ports.contains(port);
    }

    /**
     * Takes one task's reservations and ports. Returns the named generic resources given to the task
     * (kind → ids); the caller has checked that everything fits.
     */
    public Map<String, List<String>> commit(Reservations r, List<PublishedPort> hostPorts) {
        freeNanoCpus -= r.nanoCpus();
        freeMemoryBytes -= r.memoryBytes();
        totalTasks++;
        if (!hostPorts.isEmpty()) {
            if (!copiedPorts) {
                ports = new HashSet<>(ports);
                copiedPorts = true;
            }
            ports.addAll(hostPorts);
        }
        if (r.generic().isEmpty()) {
            return Map.of();
        }
        if (!copiedGeneric) {
            discrete = new HashMap<>(discrete);
            Map<String, List<String>> copy = new HashMap<>();
            named.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
            named = copy;
            copiedGeneric = true;
        }
        Map<String, List<String>> assigned = new TreeMap<>();
        r.generic().forEach((kind, count) -> {
            long left = count;
            List<String> ids = named.get(kind);
            if (ids != null && !ids.isEmpty()) {
                int take = (int) Math.min(left, ids.size());
                List<String> head = ids.subList(0, take);
                assigned.put(kind, List.copyOf(head));
                head.clear();
                left -= take;
            }
            if (left > 0) {
                discrete.merge(kind, -left, Long::sum);
            }
        });
        return assigned;
    }
}
