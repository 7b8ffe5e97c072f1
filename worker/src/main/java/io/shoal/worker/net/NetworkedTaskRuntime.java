package io.shoal.worker.net;

import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.image.Healthcheck;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.worker.task.ContainerPlan;
import io.shoal.worker.task.TaskRuntime;
import io.shoal.worker.task.TaskRuntimeException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TaskRuntime} whose task containers are on their networks: before a container is created its task is
 * attached by the {@link DataPlane} (namespace, links, VIP rules, resolv.conf) and the container joins that
 * namespace; when the container is removed the task is detached. Everything else goes to the runtime it wraps.
 */
public final class NetworkedTaskRuntime implements TaskRuntime {
    private final TaskRuntime runtime;
    private final DataPlane dataPlane;
    private final Map<String, String> taskOfContainer = new ConcurrentHashMap<>();

    public NetworkedTaskRuntime(TaskRuntime runtime, DataPlane dataPlane) {
        this.runtime = runtime;
        this.dataPlane = dataPlane;
    }

    @Override
    public void assigned(Assignments assignments) {
        dataPlane.assigned(assignments);
        runtime.assigned(assignments);
    }

    @Override
    public String create(ContainerPlan plan) {
        String taskId = plan.labels().get(ContainerPlan.TASK_ID);
        Optional<DataPlane.Attachment> attachment;
        try {
            attachment = dataPlane.attach(taskId);
        } catch (IOException | TransientNetworkException | PermanentNetworkException e) {
            dataPlane.detach(taskId);
            throw new TaskRuntimeException("attaching task " + taskId + " to its networks: " + e.getMessage(), e);
        }
        try {
            String id = runtime.create(attachment.map(a -> plan.withNetwork(a.netnsPath(), a.resolvConf())).orElse(plan));
            taskOfContainer.put(id, taskId);
            return id;
        } catch (RuntimeException e) {
            dataPlane.detach(taskId);
            throw e;
        }
    }

    @Override
    public void remove(String containerId) {
        String taskId = taskOfContainer.remove(containerId);
        if (taskId == null) {
            taskId = runtime.list().stream().filter(c -> c.containerId().equals(containerId)).map(TaskContainer::taskId)
                    .findFirst().orElse(null);
        }
        runtime.remove(containerId);
        if (taskId != null) {
            dataPlane.detach(taskId);
        }
    }

    @Override
    public void prepare(String image, String registryAuth) {
        runtime.prepare(image, registryAuth);
    }

    @Override
    public Healthcheck imageHealthcheck(String image) {
        return runtime.imageHealthcheck(image);
    }

    @Override
    public HealthState.Status health(String containerId) {
        return runtime.health(containerId);
    }

    @Override
    public void start(String containerId) {
        runtime.start(containerId);
    }

    @Override
    public CompletionStage<Integer> waitExit(String containerId) {
        return runtime.waitExit(containerId);
    }

    @Override
    public void stop(String containerId, Duration grace) {
        runtime.stop(containerId, grace);
    }

    @Override
    public List<TaskContainer> list() {
        return runtime.list();
    }
}
