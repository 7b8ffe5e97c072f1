package io.shoal.worker.engine;

import io.shoal.api.model.TaskSpec;
import io.shoal.engine.Engine;
import io.shoal.engine.EngineException;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.bundle.NetworkMode;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.container.State;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.image.Healthcheck;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.RegistryException;
import io.shoal.worker.task.ContainerPlan;
import io.shoal.worker.task.TaskRuntime;
import io.shoal.worker.task.TaskRuntimeException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's {@link TaskRuntime} over this host's node engine. A task's container is created from its
 * {@link ContainerPlan}: Command becomes the entrypoint and Args the cmd (as Docker maps a ContainerSpec),
 * limits become cgroup settings, bind and tmpfs mounts become host mounts and volume mounts named volumes,
 * and the service's health check goes to the engine, which runs it (over the image's) and judges health.
 * A task on networks joins the namespace the worker's data plane prepared for it (worker.net); others get none. An image that is
 * not in the engine's store is pulled from its registry with the credentials the service was given
 * ({@code --with-registry-auth}: the task's {@code PullOptions.RegistryAuth}, decoded as the node API decodes
 * {@code X-Registry-Auth}; anonymously without), one pull per image at a time however many tasks wait for it; a
 * failed pull rejects the task with the registry's reason.
 */
public final class EngineTaskRuntime implements TaskRuntime {
    private static final long CPU_PERIOD = 100_000;

    private final Engine engine;
    private final Map<String, Object> pulls = new ConcurrentHashMap<>();

    public EngineTaskRuntime(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void prepare(String image, String registryAuth) {
        try {
            if (engine.image(image).isPresent()) {
                return;
            }
            AuthConfig auth = AuthConfig.fromHeader(registryAuth);
            synchronized (pulls.computeIfAbsent(image, k -> new Object())) {
                if (engine.image(image).isEmpty()) {
                    engine.pull(image, auth, progress -> { });
                }
            }
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                throw new TaskRuntimeException.NoSuchImage(image, e.getMessage());
            }
            boolean anonymous = registryAuth == null || registryAuth.isBlank();
            throw new TaskRuntimeException("pulling " + image + ": " + e.getMessage()
                    + (e.kind() == RegistryException.Kind.UNAUTHORIZED && anonymous
                    ? " (the service has no registry credentials: create or update it with --with-registry-auth)"
                    : ""), e);
        } catch (IOException e) {
            throw new TaskRuntimeException("pulling " + image + ": " + e.getMessage(), e);
        } catch (EngineException e) {
            throw new TaskRuntimeException(e.getMessage(), e);
        }
    }

    @Override
    public Healthcheck imageHealthcheck(String image) {
        try {
            return engine.image(image).map(i -> i.config().healthcheck()).orElse(null);
        } catch (IOException e) {
            throw new TaskRuntimeException("image store unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public HealthState.Status health(String containerId) {
        return call(() -> engine.health(containerId).map(HealthState::status).orElse(null));
    }

    @Override
    public String create(ContainerPlan plan) {
        return call(() -> engine.create(request(plan)));
    }

    @Override
    public void start(String containerId) {
        call(() -> {
            engine.start(containerId);
            return null;
        });
    }

    @Override
    public CompletionStage<Integer> waitExit(String containerId) {
        return call(() -> engine.waitFor(containerId));
    }

    @Override
    public void stop(String containerId, Duration grace) {
        try {
            engine.stop(containerId, grace);
        } catch (EngineException e) {
            if (e.kind() != EngineException.Kind.NOT_FOUND) {
                throw new TaskRuntimeException(e.getMessage(), e);
            }
        }
    }

    @Override
    public void remove(String containerId) {
        try {
            engine.remove(containerId, true);
        } catch (EngineException e) {
            if (e.kind() != EngineException.Kind.NOT_FOUND) {
                throw new TaskRuntimeException(e.getMessage(), e);
            }
        }
    }

    @Override
    public List<TaskContainer> list() {
        List<TaskContainer> out = new ArrayList<>();
        for (ContainerRecord r : call(() -> engine.list(true))) {
            String taskId = r.labels().get(ContainerPlan.TASK_ID);
            if (taskId != null) {
                boolean running = r.state() == State.RUNNING || r.state() == State.PAUSED || r.state() == State.RESTARTING;
                out.add(new TaskContainer(r.id(), taskId, running, running ? null : r.exitCode()));
            }
        }
        return out;
    }

    static ContainerRequest request(ContainerPlan p) {
        ContainerConfig config = new ContainerConfig(p.env(), p.entrypoint(), p.cmd(), p.dir(), p.user(), null, null,
                p.healthcheck(), p.labels(), p.stopSignal(), p.hostname());
        List<HostConfig.Bind> binds = new ArrayList<>();
        Map<String, String> tmpfs = new LinkedHashMap<>();
        Map<String, String> volumes = new LinkedHashMap<>();
        for (TaskSpec.Mount m : p.mounts()) {
            String type = m.type() == null ? "volume" : m.type();
            boolean ro = Boolean.TRUE.equals(m.readOnly());
            switch (type) {
                case "bind" -> binds.add(new HostConfig.Bind(m.source(), m.target(), ro));
                case "tmpfs" -> tmpfs.put(m.target(), ro ? "ro" : "");
                default -> volumes.put(m.source(), m.target());
            }
        }
        long quota = p.nanoCpus() <= 0 ? 0 : Math.max(1_000, p.nanoCpus() * CPU_PERIOD / 1_000_000_000L);
        HostConfig host = new HostConfig(p.memoryBytes(), 0, 0, quota, quota == 0 ? 0 : CPU_PERIOD, null, p.pidsLimit(),
                p.capAdd(), p.capDrop(), false, null, p.sysctls(), null, p.readOnly(), tmpfs, binds,
                p.netnsPath() == null ? NetworkMode.none() : new NetworkMode.Joined(p.netnsPath()),
                p.init());
        return ContainerRequest.of(p.image(), config, host).withName(p.name()).withVolumes(volumes)
                .withStopTimeout(p.stopGrace());
    }

    private static <T> T call(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (EngineException e) {
            throw new TaskRuntimeException(e.getMessage(), e);
        }
    }
}
