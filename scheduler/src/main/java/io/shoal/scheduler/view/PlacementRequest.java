package io.shoal.scheduler.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of identical tasks of one service, placed together with one pass over the nodes.
 *
 * @param serviceId          the service the tasks belong to (spread counts tasks per service)
 * @param taskIds            the tasks to place, in the order they should be filled; unique within the plan
 * @param reservations       what each task reserves
 * @param constraints        Docker constraints, all of which must hold ({@code node.labels.dc==east})
 * @param preferences        placement preferences, outermost first ({@code spread=node.labels.dc})
 * @param platforms          platforms the image supports; empty means any
 * @param hostPorts          host-mode published ports each task binds
 * @param maxReplicasPerNode at most this many tasks of the service per node; 0 means no limit
 * @param mode               replicated or global
 * @param pinnedNodeIds      for global mode, the node of each task (same order as taskIds); else empty
 */
public record PlacementRequest(
        String serviceId,
        List<String> taskIds,
        Reservations reservations,
        List<String> constraints,
        List<String> preferences,
        List<Platform> platforms,
        List<PublishedPort> hostPorts,
        int maxReplicasPerNode,
        Mode mode,
        List<String> pinnedNodeIds) {

    public PlacementRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(reservations, "reservations");
        Objects.requireNonNull(mode, "mode");
        taskIds = List.copyOf(taskIds);
        constraints = List.copyOf(constraints);
        preferences = List.copyOf(preferences);
        platforms = List.copyOf(platforms);
        hostPorts = List.copyOf(hostPorts);
        pinnedNodeIds = List.copyOf(pinnedNodeIds);
        if (maxReplicasPerNode < 0) {
            throw new IllegalArgumentException("maxReplicasPerNode < 0");
        }
        if (mode == Mode.GLOBAL && pinnedNodeIds.size() != taskIds.size()) {
            throw new IllegalArgumentException("global mode needs one pinned node per task");
        }
        if (mode == Mode.REPLICATED && !pinnedNodeIds.isEmpty()) {
            throw new IllegalArgumentException("replicated tasks are not pinned");
        }
    }

    /** Replicated tasks with no reservations, constraints or preferences. */
    public static PlacementRequest replicated(String serviceId, List<String> taskIds) {
        return new PlacementRequest(serviceId, taskIds, Reservations.NONE, List.of(), List.of(), List.of(),
                List.of(), 0, Mode.REPLICATED, List.of());
    }

    /** Global tasks, {@code taskIds.get(i)} bound to {@code nodeIds.get(i)}. */
    public static PlacementRequest global(String serviceId, List<String> taskIds, List<String> nodeIds) {
        return new PlacementRequest(serviceId, taskIds, Reservations.NONE, List.of(), List.of(), List.of(),
                List.of(), 0, Mode.GLOBAL, nodeIds);
    }

    public PlacementRequest withReservations(Reservations r) {
        return new PlacementRequest(serviceId, taskIds, r, constraints, preferences, platforms, hostPorts,
                maxReplicasPerNode, mode, pinnedNodeIds);
    }

    public PlacementRequest withConstraints(String... c) {
        return new PlacementRequest(serviceId, taskIds, reservations, List.of(c), preferences, platforms,
                hostPorts, maxReplicasPerNode, mode, pinnedNodeIds);
    }

    public PlacementRequest withPreferences(String... p) {
        return new PlacementRequest(serviceId, taskIds, reservations, constraints, List.of(p), platforms,
                hostPorts, maxReplicasPerNode, mode, pinnedNodeIds);
    }

    public PlacementRequest withPlatforms(Platform... p) {
        return new PlacementRequest(serviceId, taskIds, reservations, constraints, preferences, List.of(p),
                hostPorts, maxReplicasPerNode, mode, pinnedNodeIds);
    }

    public PlacementRequest withHostPorts(PublishedPort... p) {
        return new PlacementRequest(serviceId, taskIds, reservations, constraints, preferences, platforms,
                List.of(p), maxReplicasPerNode, mode, pinnedNodeIds);
    }

    public PlacementRequest withMaxReplicasPerNode(int max) {
        return new PlacementRequest(serviceId, taskIds, reservations, constraints, preferences, platforms,
                hostPorts, max, mode, pinnedNodeIds);
    }

    /** Task ids {@code prefix.1 … prefix.n}, for tests and benchmarks. */
    public static List<String> taskIds(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ids.add(prefix + "." + i);
        }
        return ids;
    }
}
