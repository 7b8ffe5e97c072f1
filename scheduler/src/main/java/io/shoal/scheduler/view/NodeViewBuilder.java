package io.shoal.scheduler.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link NodeView} from valid defaults (ready, active, Linux/amd64 worker, hostname = id),
 * so the manager, tests and benchmarks say only what differs. Free resources default to the totals
 * minus what {@link #reserved} took.
 */
public final class NodeViewBuilder {
    private final String id;
    private String hostname;
    private NodeRole role = NodeRole.WORKER;
    private boolean ready = true;
    private Availability availability = Availability.ACTIVE;
    private Platform platform = Platform.linuxAmd64();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> engineLabels = new LinkedHashMap<>();
    private long totalNanoCpus;
    private long totalMemoryBytes;
    private long reservedNanoCpus;
    private long reservedMemoryBytes;
    private final Map<String, Long> discrete = new LinkedHashMap<>();
    private final Map<String, List<String>> named = new LinkedHashMap<>();
    private final Map<String, Integer> tasksPerService = new LinkedHashMap<>();
    private int totalTasks;
    private final Set<PublishedPort> ports = new HashSet<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    NodeViewBuilder(String id) {
        this.id = id;
        this.hostname = id;
    }

    public NodeViewBuilder hostname(String h) {
        hostname = h;
        return this;
    }

    public NodeViewBuilder role(NodeRole r) {
        role = r;
        return this;
    }

    public NodeViewBuilder ready(boolean r) {
        ready = r;
        return this;
    }

    public NodeViewBuilder availability(Availability a) {
        availability = a;
        return this;
    }

    public NodeViewBuilder platform(String os, String arch) {
        platform = new Platform(os, arch);
        return this;
    }

    public NodeViewBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public NodeViewBuilder engineLabel(String key, String value) {
        engineLabels.put(key, value);
        return this;
    }

    public NodeViewBuilder capacity(long nanoCpus, long memoryBytes) {
        totalNanoCpus = nanoCpus;
        totalMemoryBytes = memoryBytes;
        return this;
    }

    /** Resources already reserved by tasks that are not counted per service (or are). */
    public NodeViewBuilder reserved(long nanoCpus, long memoryBytes) {
        reservedNanoCpus += nanoCpus;
        reservedMemoryBytes += memoryBytes;
        return this;
    }

    public NodeViewBuilder discrete(String kind, long freeCount) {
        discrete.put(kind, freeCount);
        return this;
    }

    public NodeViewBuilder named(String kind, String... freeIds) {
        named.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(List.of(freeIds));
        return this;
    }

    /** Records {@code count} live tasks of a service (adds to the node's total). */
    public NodeViewBuilder tasks(String serviceId, int count) {
        tasksPerService.merge(serviceId, count, Integer::sum);
        totalTasks += count;
        return this;
    }

    /** Records live tasks that belong to no service the scheduler is asked about. */
    public NodeViewBuilder otherTasks(int count) {
        totalTasks += count;
        return this;
    }

    public NodeViewBuilder usedPort(PublishedPort port) {
        ports.add(port);
        return this;
    }

    public NodeViewBuilder recentFailures(String serviceId, int count) {
        failures.put(serviceId, count);
        return this;
    }

    public NodeView build() {
        return new NodeView(id, hostname, role, ready, availability, platform, labels, engineLabels,
                totalNanoCpus, totalMemoryBytes, Math.max(0, totalNanoCpus - reservedNanoCpus),
                Math.max(0, totalMemoryBytes - reservedMemoryBytes), discrete, named, tasksPerService,
                totalTasks, ports, failures);
    }
}
