package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.Version;
import io.shoal.api.validate.SpecValidator;
import io.shoal.api.validate.Violation;
import io.shoal.manager.orchestrator.Orchestrator;
import io.shoal.manager.orchestrator.Reconciliation;
import io.shoal.manager.orchestrator.TaskFactory;
import io.shoal.manager.placement.SchedulerAdapter;
import io.shoal.scheduler.Scheduler;
import io.shoal.scheduler.SchedulerSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cluster state's decisions as pure functions of (state, command): validation, version checks and
 * the events that follow. No Akka: the behavior persists what these return.
 */
public final class Decisions {
    static final String NOT_A_SWARM = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.";

    private final Clock clock;
    private final IdGenerator ids;
    private final SchedulerAdapter placer = new SchedulerAdapter(new Scheduler(SchedulerSettings.defaults()));

    public Decisions(Clock clock, IdGenerator ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Decision<Swarm> initSwarm(State s, Node local) {
        return initSwarm(s, local, null, DEFAULT_HEARTBEAT_NANOS);
    }

    /** Swarm's default dispatcher heartbeat period (a manager's configured period replaces it at init). */
    public static final long DEFAULT_HEARTBEAT_NANOS = 5_000_000_000L;
    static final long MIN_HEARTBEAT_NANOS = 100_000_000L;
    static final long MAX_HEARTBEAT_NANOS = 3_600_000_000_000L;

    /**
     * {@code historyLimit}: the swarm's TaskHistoryRetentionLimit, null for Swarm's default of 5;
     * {@code heartbeatNanos}: the dispatcher's heartbeat period the workers are asked for.
     */
    public Decision<Swarm> initSwarm(State s, Node local, Long historyLimit, long heartbeatNanos) {
        String invalid = invalidSpec(historyLimit, heartbeatNanos);
        if (invalid != null) {
            return Decision.rejected(Result.Reason.INVALID, invalid);
        }
        if (s.swarm().isPresent()) {
            return Decision.rejected(Result.Reason.ALREADY_A_SWARM, "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.");
        }
        Instant now = clock.instant();
        String swarmId = ids.next();
        String secret = ids.next() + ids.next();
        Swarm swarm = new Swarm(swarmId, new Version(s.index() + 1), now, now,
                new Swarm.Spec("default", null, historyLimit == null ? 5L : historyLimit, heartbeatNanos),
                new Swarm.JoinTokens("SWMTKN-1-" + secret + "-" + ids.next(), "SWMTKN-1-" + secret + "-" + ids.next()));
        Node node = new Node(local.id(), new Version(s.index() + 2), now, now, local.spec(), local.description(),
                local.status(), local.managerStatus());
        return Decision.of(List.of(new ClusterEvent.SwarmInitialized(swarm), new ClusterEvent.NodeRegistered(node)), swarm,
                "swarm initialised swarm.id={} node.id={}", swarmId, node.id());
    }

    /**
     * {@code docker swarm update}: a new spec for the swarm at {@code version} (its name stays: Swarm's is always
     * "default"). Nothing is written when nothing changed.
     */
    public Decision<Swarm> updateSwarm(State s, long version, Swarm.Spec spec) {
        Swarm current = s.swarm().orElse(null);
        if (current == null) {
            return Decision.rejected(Result.Reason.NOT_A_SWARM, "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
        }
        if (current.version().index() != version) {
            return Decision.rejected(Result.Reason.CONFLICT, "update out of sequence: the swarm is at version "
                    + current.version().index() + ", the update was based on version " + version);
        }
        Swarm.Spec next = new Swarm.Spec(current.spec().name(),
                spec.labels() == null || spec.labels().isEmpty() ? null : new java.util.TreeMap<>(spec.labels()),
                spec.taskHistoryRetentionLimit() == null ? current.spec().taskHistoryRetentionLimit() : spec.taskHistoryRetentionLimit(),
                spec.heartbeatPeriod() == null ? current.spec().heartbeatPeriod() : spec.heartbeatPeriod());
        String invalid = invalidSpec(next.taskHistoryRetentionLimit(), next.heartbeatPeriod());
        if (invalid != null) {
            return Decision.rejected(Result.Reason.INVALID, invalid);
        }
        if (next.equals(current.spec())) {
            return Decision.of(List.of(), current, null);
        }
        Swarm updated = new Swarm(current.id(), new Version(s.index() + 1), current.createdAt(), clock.instant(), next,
                current.joinTokens());
        return Decision.of(List.of(new ClusterEvent.SwarmUpdated(updated)), updated,
                "swarm updated swarm.id={} history-limit={} heartbeat={}ns", updated.id(), next.taskHistoryRetentionLimit(),
                next.heartbeatPeriod());
    }

    private static String invalidSpec(Long historyLimit, long heartbeatNanos) {
        if (historyLimit != null && historyLimit < 0) {
            return "Spec.Orchestration.TaskHistoryRetentionLimit: expected 0 or more, got " + historyLimit;
        }
        if (heartbeatNanos < MIN_HEARTBEAT_NANOS || heartbeatNanos > MAX_HEARTBEAT_NANOS) {
            return "Spec.Dispatcher.HeartbeatPeriod: expected between 100ms and 1h (in nanoseconds), got " + heartbeatNanos;
        }
        return null;
    }

    public Decision<Node> registerNode(State s, String nodeId, Node.Description description, Node.Status status) {
        if (s.swarm().isEmpty()) {
            return Decision.rejected(Result.Reason.NOT_A_SWARM, NOT_A_SWARM);
        }
        Node current = s.node(nodeId).orElse(null);
        if (current == null) {
            return Decision.rejected(Result.Reason.NOT_FOUND, "node " + nodeId + " not found");
        }
        if (description.equals(current.description()) && status.equals(current.status())) {
            return Decision.of(List.of(), current, null);
        }
        Node next = current.withDescription(description, status, new Version(s.index() + 1), clock.instant());
        return Decision.of(List.of(new ClusterEvent.NodeUpdated(next)), next,
                "node reported node.id={} state={}", nodeId, status.state());
    }

    public Decision<Service> createService(State s, ServiceSpec spec) {
        if (s.swarm().isEmpty()) {
            return Decision.rejected(Result.Reason.NOT_A_SWARM, NOT_A_SWARM);
        }
        List<Violation> v = SpecValidator.validate(spec);
        if (!v.isEmpty()) {
            return Decision.rejected(Result.Reason.INVALID, describe(v));
        }
        if (s.serviceByName(spec.name()).isPresent()) {
            return Decision.rejected(Result.Reason.CONFLICT, "name conflicts with an existing object: service " + spec.name() + " already exists");
        }
        Instant now = clock.instant();
        Service created = new Service(ids.next(), new Version(s.index() + 1), now, now, spec, null);
        return Decision.of(List.of(new ClusterEvent.ServiceCreated(created)), created,
                "service created service.id={} name={} replicas={}", created.id(), spec.name(), spec.isGlobal() ? "global" : spec.replicas());
    }

    public Decision<Service> updateService(State s, String id, long version, ServiceSpec spec) {
        Service current = s.service(id).orElse(null);
        if (current == null) {
            return Decision.rejected(Result.Reason.NOT_FOUND, "service " + id + " not found");
        }
        if (current.version().index() != version) {
            return Decision.rejected(Result.Reason.CONFLICT, "update out of sequence: service " + current.spec().name()
                    + " is at version " + current.version().index() + ", the update was based on version " + version);
        }
        List<Violation> v = SpecValidator.validate(spec);
        if (!v.isEmpty()) {
            return Decision.rejected(Result.Reason.INVALID, describe(v));
        }
        if (!current.spec().name().equals(spec.name())) {
            return Decision.rejected(Result.Reason.INVALID, "Name: renaming services is not supported");
        }
        if (current.spec().isGlobal() != spec.isGlobal()) {
            return Decision.rejected(Result.Reason.INVALID, "Mode: service mode change is not allowed");
        }
        Service next = current.withSpec(spec, new Version(s.index() + 1), clock.instant());
        return Decision.of(List.of(new ClusterEvent.ServiceUpdated(next)), next,
                "service updated service.id={} version={}", id, next.version().index());
    }

    public Decision<Service> removeService(State s, String id) {
        Service current = s.service(id).orElse(null);
        if (current == null) {
            return Decision.rejected(Result.Reason.NOT_FOUND, "service " + id + " not found");
        }
        return Decision.of(List.of(new ClusterEvent.ServiceRemoved(id, s.index() + 1)), current,
                "service removed service.id={}", id);
    }

    public Decision<Node> updateNode(State s, String id, long version, Node.Spec given) {
        Node current = s.node(id).orElse(null);
        if (current == null) {
            return Decision.rejected(Result.Reason.NOT_FOUND, "node " + id + " not found");
        }
        if (current.version().index() != version) {
            return Decision.rejected(Result.Reason.CONFLICT, "update out of sequence: node " + id + " is at version "
                    + current.version().index() + ", the update was based on version " + version);
        }
        Node.Spec spec = new Node.Spec(given.name(), given.labels(),
                given.role() == null || given.role().isEmpty() ? current.spec().role() : given.role(),
                given.availability() == null || given.availability().isEmpty() ? current.spec().availability() : given.availability());
        List<Violation> v = SpecValidator.validate(spec);
        if (!v.isEmpty()) {
            return Decision.rejected(Result.Reason.INVALID, describe(v));
        }
        boolean demotesLastManager = "manager".equals(current.spec().role()) && "worker".equals(spec.role())
                && s.nodes().stream().filter(n -> "manager".equals(n.spec().role())).count() <= 1;
        if (demotesLastManager) {
            return Decision.rejected(Result.Reason.INVALID, "attempting to demote the last manager of the swarm");
        }
        Node next = current.withSpec(spec, new Version(s.index() + 1), clock.instant());
        return Decision.of(List.of(new ClusterEvent.NodeUpdated(next)), next,
                "node updated node.id={} availability={} role={}", id, spec.availability(), spec.role());
    }

    /**
     * Task states observed by workers, in one batch for many nodes. An update applies only to a task that
     * exists, is on the reporting node and moves forward (a late or duplicated report is dropped, as in
     * Swarm); several updates of one task keep the last. Answers how many tasks changed.
     */
    public Decision<Integer> observeTasks(State s, List<ClusterState.ObservedStatus> updates) {
        Map<String, Task> next = new LinkedHashMap<>();
        for (ClusterState.ObservedStatus u : updates) {
            Task current = next.containsKey(u.taskId()) ? next.get(u.taskId()) : s.task(u.taskId()).orElse(null);
            boolean applies = current != null && u.nodeId().equals(current.nodeId())
                    && u.status().state().compareTo(TaskState.ACCEPTED) >= 0
                    && current.status().canAdvanceTo(u.status().state());
            if (applies) {
                next.put(current.id(), current.withStatus(current.status().advanceTo(u.status()), current.version(), clock.instant()));
            }
        }
        long index = s.index();
        List<ClusterEvent> events = new ArrayList<>();
        for (Task t : next.values()) {
            events.add(new ClusterEvent.TaskUpdated(stamp(t, ++index)));
        }
        return Decision.of(events, events.size(), events.isEmpty() ? null : "task states observed tasks={} updates={}",
                events.size(), updates.size());
    }

    /** Nodes whose session lapsed are down; their replicated tasks are then replaced elsewhere by the orchestrator. */
    public Decision<Integer> markNodesDown(State s, List<String> nodeIds, String message) {
        long index = s.index();
        Instant now = clock.instant();
        List<ClusterEvent> events = new ArrayList<>();
        for (String id : nodeIds) {
            Node n = s.node(id).orElse(null);
            if (n != null && (n.status() == null || !"down".equals(n.status().state()))) {
                Node.Status st = new Node.Status("down", message, n.status() == null ? null : n.status().addr());
                events.add(new ClusterEvent.NodeUpdated(n.withDescription(n.description(), st, new Version(++index), now)));
            }
        }
        return Decision.of(events, events.size(), events.isEmpty() ? null : "nodes down count={} nodes={}",
                events.size(), nodeIds);
    }

    /**
     * The command's events followed by what the orchestrators decide for the state they produce,
     * each stamped with the next index.
     */
    public List<ClusterEvent> withReconciliation(State s, List<ClusterEvent> domain, long historyLimit) {
        if (s.swarm().isEmpty() && domain.stream().noneMatch(e -> e instanceof ClusterEvent.SwarmInitialized)) {
            return domain;
        }
        Map<String, Service> services = new LinkedHashMap<>();
        s.services().forEach(v -> services.put(v.id(), v));
        Map<String, Node> nodes = new LinkedHashMap<>();
        s.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, Task> tasks = new LinkedHashMap<>();
        s.tasks().forEach(t -> tasks.put(t.id(), t));
        long index = s.index();
        for (ClusterEvent e : domain) {
            index = Math.max(index, e.index());
            if (e instanceof ClusterEvent.ServiceCreated c) {
                services.put(c.service().id(), c.service());
            } else if (e instanceof ClusterEvent.ServiceUpdated u) {
                services.put(u.service().id(), u.service());
            } else if (e instanceof ClusterEvent.ServiceRemoved r) {
                services.remove(r.serviceId());
            } else if (e instanceof ClusterEvent.NodeRegistered r) {
                nodes.put(r.node().id(), r.node());
            } else if (e instanceof ClusterEvent.NodeUpdated u) {
                nodes.put(u.node().id(), u.node());
            } else if (e instanceof ClusterEvent.TaskUpdated u) {
                tasks.put(u.task().id(), u.task());
            }
        }
        Instant now = clock.instant();
        Reconciliation r = Orchestrator.reconcile(services.values(), tasks.values(), nodes.values(), new TaskFactory(ids, now), placer, historyLimit);
        List<ClusterEvent> out = new ArrayList<>(domain);
        for (Task t : r.create()) {
            out.add(new ClusterEvent.TaskCreated(stamp(t, ++index)));
        }
        for (Task t : r.update()) {
            out.add(new ClusterEvent.TaskUpdated(stamp(t, ++index)));
        }
        for (String id : r.remove()) {
            out.add(new ClusterEvent.TaskRemoved(id, ++index));
        }
        return io.shoal.manager.network.TaskNetworks.attach(s, io.shoal.manager.network.IngressEndpoints.attach(s, out), now);
    }

    private static Task stamp(Task t, long index) {
        return t.withStatus(t.status(), new Version(index), t.updatedAt());
    }

    static String describe(List<Violation> v) {
        return "invalid spec: " + v.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
