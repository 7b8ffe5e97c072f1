package io.shoal.api.model;

import java.util.Locale;

/**
 * A task's lifecycle, in Docker's order. A task only moves forward (see {@link TaskStatus#advanceTo}):
 * the managers own NEW..ASSIGNED, the worker ACCEPTED..RUNNING and the terminal states it observes.
 */
public enum TaskState {
    NEW, ALLOCATED, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING,
    COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED;

    /** Docker's lower-case name, as in {@code "State": "running"}. */
    public String dockerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskState fromDocker(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** COMPLETE and later: the task will not run again. */
    public boolean isTerminal() {
        return compareTo(COMPLETE) >= 0;
    }
}
