package io.shoal.testkit.sim;

import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.PublishedPort;
import io.shoal.scheduler.view.Reservations;
import java.util.List;

/** A service's placement spec and, for replicated services, how many tasks it wants. */
final class SimService {
    final String id;
    final Mode mode;
    final Reservations reservations;
    final List<String> constraints;
    final List<String> preferenceLabels;
    final List<Platform> platforms;
    final List<PublishedPort> hostPorts;
    final int maxReplicasPerNode;
    int replicas;

    SimService(String id, Mode mode, int replicas, Reservations reservations, List<String> constraints,
            List<String> preferenceLabels, List<Platform> platforms, List<PublishedPort> hostPorts, int maxReplicasPerNode) {
        this.id = id;
        this.mode = mode;
        this.replicas = replicas;
        this.reservations = reservations;
        this.constraints = List.copyOf(constraints);
        this.preferenceLabels = List.copyOf(preferenceLabels);
        this.platforms = List.copyOf(platforms);
        this.hostPorts = List.copyOf(hostPorts);
        this.maxReplicasPerNode = maxReplicasPerNode;
    }

    /** Preferences as the scheduler reads them: {@code spread=node.labels.KEY}, outermost first. */
    List<String> preferences() {
        return preferenceLabels.stream().map(l -> "spread=node.labels." + l).toList();
    }
}
