package io.shoal.manager.placement;

import io.shoal.api.model.Node;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.plan.Placement;
import io.shoal.scheduler.plan.Plan;
import io.shoal.scheduler.plan.Unplaceable;
import io.shoal.scheduler.view.Availability;
import io.shoal.scheduler.view.ClusterView;
import io.shoal.scheduler.view.Mode;
import io.shoal.scheduler.view.NodeRole;
import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.NodeViewBuilder;
import io.shoal.scheduler.view.PlacementRequest;
import io.shoal.scheduler.view.Platform;
import io.shoal.scheduler.view.PublishedPort;
import io.shoal.scheduler.view.Reservations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The manager's side of the scheduler: builds the scheduler's snapshot from nodes and live tasks, asks
 * for a plan for the tasks waiting for a node (one batch per service), and turns the plan back into
 * tasks: assigned to a node, or pending with the scheduler's explanation.
 */
public final class SchedulerAdapter {
    /** What a task says once placed, until its node's worker accepts it (Swarm's message). */
    public static final String WAITING = "assigned";

    private final Scheduler scheduler;

    public SchedulerAdapter(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * The waiting tasks after placement; unchanged tasks come back as the same object. {@code others} are
     * the tasks already on nodes (live ones count against the node, failed ones rank it down).
     */
    public List<Task> place(Collection<Node> nodes, Collection<Task> others, Map<String, Service> services,
                            List<Task> waiting, Instant now) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        Plan plan = scheduler.plan(view(nodes, others, services), requests(waiting, services));
        Map<String, Task> byId = new LinkedHashMap<>();
        waiting.forEach(t -> byId.put(t.id(), t));
        for (Placement p : plan.placements()) {
            Task t = byId.get(p.taskId());
            byId.put(t.id(), t.withNode(p.nodeId(), assigned(reservations(t.spec()), p),
                    TaskStatus.of(now, TaskState.ASSIGNED, WAITING), t.version(), now));
        }
        for (Unplaceable u : plan.unplaceable()) {
            Task t = byId.get(u.taskId());
            boolean same = t.status().state() == TaskState.PENDING && u.reason().equals(t.status().err());
            if (!same) {
                byId.put(t.id(), t.withStatus(new TaskStatus(now, TaskState.PENDING, "pending task scheduling", u.reason(), null),
                        t.version(), now));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * What a placed task holds of its node's generic resources, as Swarm records it: the named ids the scheduler
     * picked for a kind, or the reserved count of a kind the node offers as a discrete count.
     */
    static List<ResourceObject.GenericResource> assigned(ResourceObject reservations, Placement p) {
        List<ResourceObject.GenericResource> out = new ArrayList<>();
        p.genericResources().forEach((kind, ids) -> ids.forEach(id ->
                out.add(new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec(kind, id), null))));
        discrete(reservations).forEach((kind, count) -> {
            if (!p.genericResources().containsKey(kind)) {
                out.add(new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec(kind, count)));
            }
        });
        return out;
    }

    static ClusterView view(Collection<Node> nodes, Collection<Task> tasks, Map<String, Service> services) {
        Map<String, Map<String, Long>> usedDiscrete = new HashMap<>();
        Map<String, Set<String>> usedNamed = new HashMap<>();
        for (Task t : tasks) {
            if (t.nodeId() != null && t.isLive()) {
                for (ResourceObject.GenericResource g : t.assigned()) {
                    if (g.namedResourceSpec() != null) {
                        usedNamed.computeIfAbsent(t.nodeId(), k -> new HashSet<>())
                                .add(g.namedResourceSpec().kind() + "=" + g.namedResourceSpec().value());
                    }
                }
            }
        }
        Map<String, NodeViewBuilder> builders = new LinkedHashMap<>();
        for (Node n : nodes) {
            builders.put(n.id(), builder(n, usedNamed.getOrDefault(n.id(), Set.of())));
        }
        for (Task t : tasks) {
            NodeViewBuilder b = t.nodeId() == null ? null : builders.get(t.nodeId());
            if (b == null) {
                continue;
            }
            TaskState state = t.status().state();
            if (state == TaskState.FAILED || state == TaskState.REJECTED) {
                b.recentFailures(t.serviceId(), 1);
            }
            if (!t.isLive()) {
                continue;
            }
            b.tasks(t.serviceId(), 1);
            ResourceObject r = reservations(t.spec());
            b.reserved(r.cpus(), r.memory());
            // A task placed with its resources recorded holds exactly those; one placed before they were recorded
            // holds its reservation's counts.
            Map<String, Long> held = t.assigned().isEmpty() ? discrete(r) : discrete(new ResourceObject(null, null, t.assigned()));
            held.forEach((kind, n) -> usedDiscrete.computeIfAbsent(t.nodeId(), k -> new HashMap<>()).merge(kind, n, Long::sum));
            Service s = services.get(t.serviceId());
            if (s != null) {
                hostPorts(s.spec()).forEach(b::usedPort);
            }
        }
        List<NodeView> views = new ArrayList<>();
        for (Node n : nodes) {
            NodeViewBuilder b = builders.get(n.id());
            Map<String, Long> used = usedDiscrete.getOrDefault(n.id(), Map.of());
            if (n.description() != null && n.description().resources() != null) {
                discrete(n.description().resources()).forEach((kind, total) -> b.discrete(kind, Math.max(0, total - used.getOrDefault(kind, 0L))));
            }
            views.add(b.build());
        }
        return ClusterView.of(views);
    }

    /** Discrete generic resources by kind ({@code gpu=2}). */
    private static Map<String, Long> discrete(ResourceObject r) {
        Map<String, Long> out = new HashMap<>();
        if (r.genericResources() != null) {
            for (ResourceObject.GenericResource g : r.genericResources()) {
                if (g.discreteResourceSpec() != null && g.discreteResourceSpec().value() != null) {
                    out.merge(g.discreteResourceSpec().kind(), g.discreteResourceSpec().value(), Long::sum);
                }
            }
        }
        return out;
    }

    /** One node as the scheduler sees it, without tasks. */
    public static NodeView nodeView(Node n) {
        return builder(n, Set.of()).build();
    }

    /** {@code usedNamed}: the node's named generic resources ("kind=id") live tasks hold, so not offered. */
    private static NodeViewBuilder builder(Node n, Set<String> usedNamed) {
        NodeViewBuilder b = NodeView.builder(n.id())
                .role("manager".equals(n.spec().role()) ? NodeRole.MANAGER : NodeRole.WORKER)
                .ready(n.isReady())
                .availability(Availability.valueOf(n.spec().availability().toUpperCase(Locale.ROOT)));
        if (n.spec().labels() != null) {
            n.spec().labels().forEach(b::label);
        }
        Node.Description d = n.description();
        if (d != null) {
            b.hostname(d.hostname());
            if (d.platform() != null) {
                b.platform(nz(d.platform().os()), nz(d.platform().architecture()));
            }
            if (d.resources() != null) {
                b.capacity(d.resources().cpus(), d.resources().memory());
                if (d.resources().genericResources() != null) {
                    for (ResourceObject.GenericResource g : d.resources().genericResources()) {
                        ResourceObject.NamedResourceSpec named = g.namedResourceSpec();
                        if (named != null && !usedNamed.contains(named.kind() + "=" + named.value())) {
                            b.named(named.kind(), named.value());
                        }
                    }
                }
            }
            if (d.engine() != null && d.engine().labels() != null) {
                d.engine().labels().forEach(b::engineLabel);
            }
        }
        return b;
    }

    /** One batch per service, in the order the tasks were given; global tasks are pinned to their node. */
    static List<PlacementRequest> requests(List<Task> waiting, Map<String, Service> services) {
        Map<String, List<Task>> byService = new LinkedHashMap<>();
        waiting.forEach(t -> byService.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t));
        List<PlacementRequest> out = new ArrayList<>();
        byService.forEach((serviceId, tasks) -> {
            ServiceSpec spec = services.get(serviceId).spec();
            List<String> ids = tasks.stream().map(Task::id).toList();
            PlacementRequest base = spec.isGlobal()
                    ? PlacementRequest.global(serviceId, ids, tasks.stream().map(Task::nodeId).toList())
                    : PlacementRequest.replicated(serviceId, ids);
            TaskSpec t = spec.taskTemplate();
            ResourceObject r = reservations(t);
            Map<String, Long> generic = discrete(r);
            TaskSpec.Placement p = t.placement();
            out.add(new PlacementRequest(serviceId, ids, new Reservations(r.cpus(), r.memory(), generic),
                    p == null || p.constraints() == null ? List.of() : p.constraints(),
                    p == null || p.preferences() == null ? List.of()
                            : p.preferences().stream().map(x -> "spread=" + x.spread().spreadDescriptor()).toList(),
                    p == null || p.platforms() == null ? List.of()
                            : p.platforms().stream().map(x -> new Platform(nz(x.os()), nz(x.architecture()))).toList(),
                    hostPorts(spec),
                    p == null || p.maxReplicas() == null ? 0 : p.maxReplicas().intValue(),
                    spec.isGlobal() ? Mode.GLOBAL : Mode.REPLICATED, base.pinnedNodeIds()));
        });
        return out;
    }

    private static ResourceObject reservations(TaskSpec t) {
        return t == null || t.resources() == null || t.resources().reservations() == null ? ResourceObject.NONE
                : t.resources().reservations();
    }

    private static List<PublishedPort> hostPorts(ServiceSpec s) {
        if (s.endpointSpec() == null || s.endpointSpec().ports() == null) {
            return List.of();
        }
        List<PublishedPort> out = new ArrayList<>();
        for (ServiceSpec.PortConfig p : s.endpointSpec().ports()) {
            if ("host".equals(p.publishMode()) && p.publishedPort() != null && p.publishedPort() > 0) {
                out.add(new PublishedPort(p.protocol() == null ? "tcp" : p.protocol(), p.publishedPort()));
            }
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
