package io.shoal.scheduler.plan;

/** What the scheduler decided for one task: it was placed, or it is unplaceable and why. */
public sealed interface Decision permits Placement, Unplaceable {
    String taskId();

    String serviceId();
}
