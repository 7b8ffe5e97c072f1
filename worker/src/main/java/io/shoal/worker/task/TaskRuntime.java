package io.shoal.worker.task;

import io.shoal.engine.health.HealthState;
import io.shoal.engine.image.Healthcheck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the worker needs of a container runtime, and nothing more: the narrow port the task runners drive
 * (Swarm's executor interface). Every method but {@link #waitExit} blocks, so runners call them off the
 * actor threads. Failures
 * are {@link TaskRuntimeException}s.
 */
public interface TaskRuntime {

    /**
     * The assignments as they arrive, before any runner acts on them, for a runtime that prepares more than the
     * container (the data plane takes the tasks' network attachments); cheap, called on the agent's thread.
     */
    default void assigned(io.shoal.api.dispatch.DispatchProtocol.Assignments assignments) {
    }

    /**
     * Makes the image usable here (pulling it if the runtime can, with {@code registryAuth}: the service's
     * {@code X-Registry-Auth} value from {@code --with-registry-auth}, null or empty for an anonymous pull);
     * {@link TaskRuntimeException.NoSuchImage} if the registry has no such image.
     */
    void prepare(String image, String registryAuth);

    /** The image's own HEALTHCHECK, or null when it has none. The image has been prepared. */
    Healthcheck imageHealthcheck(String image);

    /**
     * The container's health as the runtime's own monitor last judged it (the plan's health check over the
     * image's): starting, healthy or unhealthy; null when it has no health check.
     */
    HealthState.Status health(String containerId);

    /** Creates the container (not started); returns its id. */
    String create(ContainerPlan plan);

    void start(String containerId);

    /** Completes with the exit code when the container's process exits; holds no thread meanwhile. */
    CompletionStage<Integer> waitExit(String containerId);

    /** Sends the stop signal, and KILL after {@code grace}; returns once the container has stopped. */
    void stop(String containerId, Duration grace);

    /** Deletes a stopped container and what it owns; an absent container is not an error. */
    void remove(String containerId);

    /** The containers on this node that belong to tasks (they carry the task id label), running or not. */
    List<TaskContainer> list();

    /** A container of a task, as found on the node. {@code exitCode} is null while it runs. */
    record TaskContainer(String containerId, String taskId, boolean running, Integer exitCode) {}
}
