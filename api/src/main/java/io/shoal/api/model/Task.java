package io.shoal.api.model;

import java.time.Instant;

/**
 * One scheduled unit of a service: a slot (replicated) or a node (global) running {@link TaskSpec}.
 * {@code desiredState} is what the managers want; {@code status} is what was last observed.
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
        long specVersion) {

    public Task withStatus(TaskStatus s, Version v, Instant at) {
        return new Task(id, v, createdAt, at, spec, serviceId, slot, nodeId, s, desiredState, specVersion);
    }

    public Task withNode(String node, TaskStatus s, Version v, Instant at) {
        return new Task(id, v, createdAt, at, spec, serviceId, slot, node, s, desiredState, specVersion);
    }

    public Task withDesiredState(TaskState d, Version v, Instant at) {
        return new Task(id, v, createdAt, at, spec, serviceId, slot, nodeId, status, d, specVersion);
    }

    /** Desired to run and not yet ended. */
    public boolean isLive() {
        return desiredState.compareTo(TaskState.RUNNING) <= 0 && !status.state().isTerminal();
    }
}
