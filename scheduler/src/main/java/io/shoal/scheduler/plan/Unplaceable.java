package io.shoal.scheduler.plan;

import java.util.Objects;

/**
 * A task no node can take now, with the reason in Docker's words, e.g. {@code no suitable node
 * (insufficient resources on 2 nodes; scheduling constraints not satisfied on 3 nodes)}. The task
 * stays pending and is tried again next tick; {@code service ps} shows the reason.
 */
public record Unplaceable(String taskId, String serviceId, String reason) implements Decision {

    public Unplaceable {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(reason, "reason");
    }
}
