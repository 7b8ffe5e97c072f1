package io.shoal.worker.task;

import java.time.Duration;
import java.util.List;

/**
 * The runtime of a node whose engine could not be opened (no runc, no root, a broken data directory):
 * every task is rejected with the reason, so {@code docker service ps} says why instead of hanging.
 */
public record UnavailableRuntime(String reason) implements TaskRuntime {
    @Override
    public void prepare(String image, String registryAuth) {
        throw new TaskRuntimeException("node engine unavailable: " + reason);
    }

    @Override
    public io.shoal.engine.image.Healthcheck imageHealthcheck(String image) {
        return null;
    }

    @Override
    public io.shoal.engine.health.HealthState.Status health(String containerId) {
        return null;
    }

    @Override
    public String create(ContainerPlan plan) {
        throw new TaskRuntimeException("node engine unavailable: " + reason);
    }

    @Override
    public void start(String containerId) {
        throw new TaskRuntimeException("node engine unavailable: " + reason);
    }

    @Override
    public java.util.concurrent.CompletionStage<Integer> waitExit(String containerId) {
        return java.util.concurrent.CompletableFuture.failedFuture(new TaskRuntimeException("node engine unavailable: " + reason));
    }

    @Override
    public void stop(String containerId, Duration grace) {
        // nothing runs here
    }

    @Override
    public void remove(String containerId) {
        // nothing was created here
    }

    @Override
    public List<TaskContainer> list() {
        return List.of();
    }
}
