package io.shoal.worker.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link TaskRuntime}: images are names, containers exit when stopped or when the test says. */
public final class FakeTaskRuntime implements TaskRuntime {
    public final class Container {
        public final String id;
        public final ContainerPlan plan;
        volatile boolean started;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        Container(String id, ContainerPlan plan) {
            this.id = id;
            this.plan = plan;
        }

        public boolean running() {
            return started && !exit.isDone();
        }
    }

    private final Set<String> images = new HashSet<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    public final List<String> calls = new ArrayList<>();
    /** The registry credentials each prepare was given ("" when none), in order. */
    public final List<String> registryAuths = new ArrayList<>();

    public FakeTaskRuntime withImage(String image) {
        images.add(image);
        return this;
    }

    @Override
    public synchronized void prepare(String image, String registryAuth) {
        calls.add("prepare " + image);
        registryAuths.add(registryAuth == null ? "" : registryAuth);
        if (!images.contains(image)) {
            throw new TaskRuntimeException.NoSuchImage(image);
        }
    }

    /** Health verdicts the next looks return, in order; the last one stays. Empty: no health check. */
    public final java.util.Deque<io.shoal.engine.health.HealthState.Status> health = new java.util.ArrayDeque<>();
    public io.shoal.engine.image.Healthcheck imageCheck;

    @Override
    public synchronized io.shoal.engine.image.Healthcheck imageHealthcheck(String image) {
        return imageCheck;
    }

    @Override
    public synchronized io.shoal.engine.health.HealthState.Status health(String containerId) {
        calls.add("health " + containerId);
        return health.size() > 1 ? health.poll() : health.peek();
    }

    @Override
    public synchronized String create(ContainerPlan plan) {
        String id = "c" + ids.incrementAndGet();
        calls.add("create " + plan.name());
        containers.put(id, new Container(id, plan));
        return id;
    }

    @Override
    public synchronized void start(String containerId) {
        calls.add("start " + containerId);
        get(containerId).started = true;
    }

    @Override
    public synchronized java.util.concurrent.CompletionStage<Integer> waitExit(String containerId) {
        return get(containerId).exit;
    }

    @Override
    public synchronized void stop(String containerId, Duration grace) {
        calls.add("stop " + containerId + " " + grace.toSeconds() + "s");
        Container c = containers.get(containerId);
        if (c != null) {
            c.exit.complete(137);
        }
    }

    @Override
    public synchronized void remove(String containerId) {
        calls.add("remove " + containerId);
        containers.remove(containerId);
    }

    @Override
    public synchronized List<TaskContainer> list() {
        List<TaskContainer> out = new ArrayList<>();
        for (Container c : containers.values()) {
            out.add(new TaskContainer(c.id, c.plan.labels().get(ContainerPlan.TASK_ID), c.running(),
                    c.exit.isDone() ? c.exit.join() : null));
        }
        return out;
    }

    /** The container's process ends with {@code code}. */
    public void exit(String containerId, int code) {
        Container c;
        synchronized (this) {
            c = get(containerId);
        }
        c.exit.complete(code);
    }

    /** A container left by an earlier run of the worker (re-sync tests). */
    public synchronized String leftOver(ContainerPlan plan, boolean running) {
        String id = create(plan);
        Container c = containers.get(id);
        c.started = true;
        if (!running) {
            c.exit.complete(0);
        }
        return id;
    }

    public synchronized List<Container> containers() {
        return List.copyOf(containers.values());
    }

    private Container get(String id) {
        Container c = containers.get(id);
        if (c == null) {
            throw new TaskRuntimeException("No such container: " + id);
        }
        return c;
    }
}
