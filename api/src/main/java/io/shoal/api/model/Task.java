package io.shoal.api.model;

import java.time.Instant;
import java.util.List;

/**
 * One scheduled unit of a service: a slot (replicated) or a node (global) running {@link TaskSpec}.
 * {@code desiredState} is what the managers want; {@code status} is what was last observed.
 * {@code assignedGenericResources} are the node's generic resources the scheduler gave this task (named ids
 * such as {@code gpu=GPU-0}, and discrete counts), as Swarm's {@code AssignedGenericResources}; null when none.
 */
public record Task(
        String id,
        Version version,
        Instant createdAt,
        Instant updatedAt,
        TaskSpec spec,
        String serviceId,
        Long slot,
        String nodeId,
        TaskStatus status,
        TaskState desiredState,
        long specVersion,
        List<ResourceObject.GenericResource> assignedGenericResources) {

    public Task {
        assignedGenericResources = assignedGenericResources == null || assignedGenericResources.isEmpty() ? null
                : List.copyOf(assignedGenericResources);
    }

    /** A task with no generic resources assigned (every task before placement). */
    public Task(String id, Version version, Instant createdAt, Instant updatedAt, TaskSpec spec, String serviceId,
                Long slot, String nodeId, TaskStatus status, TaskState desiredState, long specVersion) {
        this(id, version, createdAt, updatedAt, spec, serviceId, slot, nodeId, status, desiredState, specVersion, null);
    }

    public Task withStatus(TaskStatus s, Version v, Instant at) {
        return new Task(id, v, createdAt, at, spec, serviceId, slot, nodeId, s, desiredState, specVersion,
                assignedGenericResources);
    }

    public Task withNode(String node, TaskStatus s, Version v, Instant at) {
        return withNode(node, List.of(), s, v, at);
    }

    /** Placed on {@code node} with the generic resources the scheduler picked there. */
    public Task withNode(String node, List<ResourceObject.GenericResource> assigned, TaskStatus s, Version v, Instant at) {
        return new Task(id, v, createdAt, at, spec, serviceId, slot, node, s, desiredState, specVersion, assigned);
    }

    public Task withDesiredState(TaskState d, Version v, Instant at) {
        return new Task(id, v, createdAt, at, spec, serviceId, slot, nodeId, status, d, specVersion,
                assignedGenericResources);
    }

    /** The generic resources assigned to this task (empty when none). */
    public List<ResourceObject.GenericResource> assigned() {
        return assignedGenericResources == null ? List.of() : assignedGenericResources;
    }

    /** Desired to run and not yet ended. */
    public boolean isLive() {
        return desiredState.compareTo(TaskState.RUNNING) <= 0 && !status.state().isTerminal();
    }
}
