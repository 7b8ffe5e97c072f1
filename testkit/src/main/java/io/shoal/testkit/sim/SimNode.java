package io.shoal.testkit.sim;

import io.shoal.scheduler.view.Availability;
import io.shoal.scheduler.view.NodeRole;
import io.shoal.scheduler.view.Platform;
import java.util.List;
import java.util.Map;

/** A fake worker: fixed hardware and labels, with health and availability the simulation flips. */
final class SimNode {
    final String id;
    final NodeRole role;
    final Platform platform;
    final Map<String, String> labels;
    final Map<String, String> engineLabels;
    final long nanoCpus;
    final long memoryBytes;
    final List<String> gpus;
    boolean ready = true;
    Availability availability = Availability.ACTIVE;

    SimNode(String id, NodeRole role, Platform platform, Map<String, String> labels, Map<String, String> engineLabels,
            long nanoCpus, long memoryBytes, List<String> gpus) {
        this.id = id;
        this.role = role;
        this.platform = platform;
        this.labels = Map.copyOf(labels);
        this.engineLabels = Map.copyOf(engineLabels);
        this.nanoCpus = nanoCpus;
        this.memoryBytes = memoryBytes;
        this.gpus = List.copyOf(gpus);
    }

    boolean acceptsNewTasks() {
        return ready && availability == Availability.ACTIVE;
    }
}
