package io.shoal.scheduler.view;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node as the scheduler sees it at the start of a tick: identity, health, labels and what is
 * still free. The manager builds one per node per tick; the scheduler never mutates it.
 *
 * <p>"Live" means assigned to this node and not yet terminal (assigned, preparing, running…): a
 * task the scheduler placed last tick counts even if its container has not started.
 *
 * @param freeNanoCpus        total minus what live tasks on the node reserve (may be negative if over-committed)
 * @param freeDiscrete        generic resources by kind, counted ({@code ssd=2}), minus what live tasks hold
 * @param freeNamed           generic resources by kind, named ({@code gpu=[GPU-0, GPU-1]}), minus the ids live
 *                            tasks hold (a {@code Placement} says which ids it gave)
 * @param tasksPerService     live tasks of each service on this node
 * @param totalTasks          all live tasks on this node
 * @param usedHostPorts       host-mode published ports bound by live tasks here
 * @param recentFailures      tasks of each service that failed here within the manager's window (Docker: 5
 *                            minutes); at {@code SchedulerSettings.failureThreshold} the node is ranked last
 */
public record NodeView(
        String id,
        String hostname,
        NodeRole role,
        boolean ready,
        Availability availability,
        Platform platform,
        Map<String, String> labels,
        Map<String, String> engineLabels,
        long totalNanoCpus,
        long totalMemoryBytes,
        long freeNanoCpus,
        long freeMemoryBytes,
        Map<String, Long> freeDiscrete,
        Map<String, List<String>> freeNamed,
        Map<String, Integer> tasksPerService,
        int totalTasks,
        Set<PublishedPort> usedHostPorts,
        Map<String, Integer> recentFailures) {

    public NodeView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(platform, "platform");
        labels = sorted(labels);
        engineLabels = sorted(engineLabels);
        freeDiscrete = sorted(freeDiscrete);
        TreeMap<String, List<String>> named = new TreeMap<>();
        freeNamed.forEach((k, v) -> named.put(k, List.copyOf(v)));
        freeNamed = Collections.unmodifiableMap(named);
        tasksPerService = Collections.unmodifiableMap(new TreeMap<>(tasksPerService));
        usedHostPorts = Collections.unmodifiableSet(new TreeSet<>(usedHostPorts));
        recentFailures = Collections.unmodifiableMap(new TreeMap<>(recentFailures));
        if (freeNanoCpus > totalNanoCpus || freeMemoryBytes > totalMemoryBytes) {
            throw new IllegalArgumentException("node " + id + ": free exceeds total");
        }
    }

    /** A builder that starts as a ready, active Linux/amd64 worker with no capacity and no tasks. */
    public static NodeViewBuilder builder(String id) {
        return new NodeViewBuilder(id);
    }

    public int tasksOf(String serviceId) {
        return tasksPerService.getOrDefault(serviceId, 0);
    }

    public boolean acceptsNewTasks() {
        return ready && availability == Availability.ACTIVE;
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
