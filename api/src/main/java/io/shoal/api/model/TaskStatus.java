package io.shoal.api.model;

import java.time.Instant;

/** A task's observed state, when it was reached and why. */
public record TaskStatus(Instant timestamp, TaskState state, String message, String err,
                         ContainerStatus containerStatus) {

    public static TaskStatus of(Instant at, TaskState state, String message) {
        return new TaskStatus(at, state, message, null, null);
    }

    /**
     * The status after a move to {@code next}. A move backwards (or to the same state) is refused: this
     * is what makes late or duplicated reports harmless.
     */
    public TaskStatus advanceTo(TaskStatus next) {
        if (next.state().compareTo(state) <= 0) {
            throw new IllegalStateException("task state cannot move from " + state.dockerName() + " to "
                    + next.state().dockerName());
        }
        return next;
    }

    public boolean canAdvanceTo(TaskState next) {
        return next.compareTo(state) > 0;
    }

    public record ContainerStatus(String containerId, Integer pid, Integer exitCode) {}
}
