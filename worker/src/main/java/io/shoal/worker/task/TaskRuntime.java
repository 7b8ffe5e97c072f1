package io.shoal.worker.task;

import java.time.Duration;
import java.util.List;

/**
 * What the worker needs of a container runtime, and nothing more: the narrow port the task runners drive
 * (Swarm's executor interface). Every method blocks, so runners call it off the actor threads. Failures
 * are {@link TaskRuntimeException}s.
 */
public interface TaskRuntime {

    /** Makes the image usable here (pulling it if the runtime can); {@link TaskRuntimeException.NoSuchImage} if not. */
    void prepare(String image);

    /** Creates the container (not started); returns its id. */
    String create(ContainerPlan plan);

    void start(String containerId);

    /** Blocks until the container's process exits; its exit code. */
    int waitExit(String containerId);

    /** Sends the stop signal, and KILL after {@code grace}; returns once the container has stopped. */
    void stop(String containerId, Duration grace);

    /** Deletes a stopped container and what it owns; an absent container is not an error. */
    void remove(String containerId);

    /** The containers on this node that belong to tasks (they carry the task id label), running or not. */
    List<TaskContainer> list();

    /** A container of a task, as found on the node. {@code exitCode} is null while it runs. */
    record TaskContainer(String containerId, String taskId, boolean running, Integer exitCode) {}
}
