package io.shoal.worker.task;

import io.shoal.api.model.TaskState;

/**
 * What a task runner does next, as a pure function of what the managers want and what the worker has
 * observed (swarmkit's {@code exec.Do}). Each step is one runtime call at most; the runner reports the
 * state the step reaches and asks again.
 */
public final class TaskStep {
    private TaskStep() {}

    public enum Action {
        /** Take the task: report {@code accepted}. */
        ACCEPT,
        /** Make the image available and create the container: {@code preparing}, then {@code ready}. */
        PREPARE,
        /** Start the container: {@code starting}, then {@code running}. */
        START,
        /** Stop the container (if any) with the grace period, then report {@code shutdown}. */
        STOP,
        /** The task was created (or running) but its container is gone: report {@code failed}. */
        LOST,
        /** Nothing to do until something changes (running and watched, or ended). */
        WAIT
    }

    /**
     * @param desired   the managers' desired state
     * @param observed  the last state this worker reported (or the managers' view, if further on)
     * @param created   whether the task has a container
     */
    public static Action next(TaskState desired, TaskState observed, boolean created) {
        if (observed.isTerminal()) {
            return Action.WAIT;
        }
        if (desired.compareTo(TaskState.RUNNING) > 0) {
            return Action.STOP;
        }
        if (observed.compareTo(TaskState.ACCEPTED) < 0) {
            return Action.ACCEPT;
        }
        if (observed.compareTo(TaskState.READY) < 0) {
            return Action.PREPARE;
        }
        if (!created) {
            return Action.LOST;
        }
        if (observed.compareTo(TaskState.RUNNING) < 0) {
            return desired == TaskState.RUNNING ? Action.START : Action.WAIT;
        }
        return Action.WAIT;
    }
}
