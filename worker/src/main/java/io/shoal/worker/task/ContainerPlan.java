package io.shoal.worker.task;

import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.engine.image.Healthcheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container a task runs in, derived from the task alone (pure): Swarm's name
 * ({@code service.slot.taskid}, or {@code service.nodeid.taskid} for global services), its labels
 * ({@code com.docker.swarm.*} beside the spec's own), and the container spec's fields.
 * {@code entrypoint} is the spec's Command and {@code cmd} its Args, as Docker maps them; {@code healthcheck}
 * is the service's own (null: the image's applies). {@code netnsPath} is the network namespace the container joins
 * (null: a namespace of its own with loopback only), set by {@link #withNetwork}.
 */
public record ContainerPlan(String name, String image, Map<String, String> labels, List<String> env,
                            List<String> entrypoint, List<String> cmd, String dir, String user, String hostname,
                            List<TaskSpec.Mount> mounts, long memoryBytes, long nanoCpus, long pidsLimit,
                            boolean readOnly, boolean init, List<String> capAdd, List<String> capDrop,
                            Map<String, String> sysctls, String stopSignal, Duration stopGrace, Healthcheck healthcheck,
                            String netnsPath) {

    public static final String SERVICE_NAME = "com.docker.swarm.service.name";
    public static final String SERVICE_ID = "com.docker.swarm.service.id";
    public static final String TASK_ID = "com.docker.swarm.task.id";
    public static final String TASK_NAME = "com.docker.swarm.task.name";
    public static final String NODE_ID = "com.docker.swarm.node.id";
    /** Docker's default stop grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    public static ContainerPlan of(AssignedTask a) {
        Task t = a.task();
        TaskSpec.ContainerSpec c = t.spec().containerSpec();
        String name = a.serviceName() + "." + (t.slot() != null ? String.valueOf(t.slot()) : t.nodeId()) + "." + t.id();
        Map<String, String> labels = new LinkedHashMap<>();
        if (c.labels() != null) {
            labels.putAll(c.labels());
        }
        labels.put(SERVICE_NAME, a.serviceName());
        labels.put(SERVICE_ID, t.serviceId());
        labels.put(TASK_ID, t.id());
        labels.put(TASK_NAME, name);
        labels.put(NODE_ID, t.nodeId());
        TaskSpec.Limits limits = t.spec().resources() == null ? null : t.spec().resources().limits();
        return new ContainerPlan(name, c.image(), Map.copyOf(labels), env(c.env(), t.assigned()), c.command(), c.args(), c.dir(),
                c.user(), c.hostname(), list(c.mounts()),
                limits == null || limits.memoryBytes() == null ? 0 : limits.memoryBytes(),
                limits == null || limits.nanoCpus() == null ? 0 : limits.nanoCpus(),
                limits == null || limits.pids() == null ? 0 : limits.pids(),
                Boolean.TRUE.equals(c.readOnly()), Boolean.TRUE.equals(c.init()), list(c.capabilityAdd()),
                list(c.capabilityDrop()), c.sysctls() == null ? Map.of() : c.sysctls(), c.stopSignal(),
                grace(t.spec()), HealthChecks.own(t.spec()), null);
    }

    /** The same container joining the namespace at {@code netnsPath}, with {@code resolvConf} as its /etc/resolv.conf. */
    public ContainerPlan withNetwork(String netnsPath, java.nio.file.Path resolvConf) {
        List<TaskSpec.Mount> all = new java.util.ArrayList<>(mounts);
        all.add(new TaskSpec.Mount("bind", resolvConf.toString(), "/etc/resolv.conf", true));
        return new ContainerPlan(name, image, labels, env, entrypoint, cmd, dir, user, hostname, List.copyOf(all), memoryBytes,
                nanoCpus, pidsLimit, readOnly, init, capAdd, capDrop, sysctls, stopSignal, stopGrace, healthcheck, netnsPath);
    }

    /**
     * The spec's environment and, as Swarm sets them, one {@code DOCKER_RESOURCE_<KIND>} variable per kind of
     * generic resource assigned to the task: its named ids, or its discrete count, comma-separated.
     */
    static List<String> env(List<String> own, List<ResourceObject.GenericResource> assigned) {
        if (assigned.isEmpty()) {
            return list(own);
        }
        Map<String, List<String>> byKind = new TreeMap<>();
        for (ResourceObject.GenericResource g : assigned) {
            if (g.namedResourceSpec() != null) {
                byKind.computeIfAbsent(g.namedResourceSpec().kind().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(g.namedResourceSpec().value());
            } else if (g.discreteResourceSpec() != null) {
                byKind.computeIfAbsent(g.discreteResourceSpec().kind().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(String.valueOf(g.discreteResourceSpec().value()));
            }
        }
        List<String> all = new ArrayList<>(list(own));
        byKind.forEach((kind, values) -> all.add("DOCKER_RESOURCE_" + kind + "=" + String.join(",", values)));
        return List.copyOf(all);
    }

    /** The task's stop grace period (Docker's 10 s when unset). */
    public static Duration grace(TaskSpec spec) {
        Long nanos = spec.containerSpec().stopGracePeriod();
        return nanos == null ? DEFAULT_GRACE : Duration.ofNanos(nanos);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
