package io.shoal.manager.dispatch;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Heartbeat;
import io.shoal.api.dispatch.DispatchProtocol.OpenSession;
import io.shoal.api.dispatch.DispatchProtocol.ReportStatus;
import io.shoal.api.dispatch.DispatcherMessage;
import io.shoal.api.dispatch.WorkerMessage;
import io.shoal.api.model.Node;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.manager.state.StateView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The managers' end of every worker session (a Cluster Singleton beside the cluster state, found by workers
 * through the Receptionist under {@link #KEY}). It opens sessions, pushes each node's assignments (the
 * whole set, then changes, at most once per batch interval), applies workers' status reports to the
 * cluster state in one command per interval and acknowledges them once persisted, and marks nodes down
 * whose heartbeats stop, and nodes the state says are up but that open no session within the same timeout
 * of this dispatcher noticing them (after a manager restart, or a swarm just initialised).
 */
public final class Dispatcher extends AbstractBehavior<DispatcherMessage> {
    public static final ServiceKey<DispatcherMessage> KEY = ServiceKey.create(DispatcherMessage.class, DispatchProtocol.SERVICE_KEY);
    static final String HEARTBEAT_FAILURE = "heartbeat failure";

    private enum Tick implements DispatcherMessage { INSTANCE }

    /** The cluster state's answer to one status batch. */
    private record Observed(List<ReportStatus> batch, Result<Integer> result, Throwable failure) implements DispatcherMessage {}

    private record MarkedDown(Result<Integer> result, Throwable failure) implements DispatcherMessage {}

    private record Registered(String nodeId, Result<Node> result, Throwable failure) implements DispatcherMessage {}

    private final ActorRef<ClusterState.Command> state;
    private final StateView view;
    private final DispatcherSettings settings;
    private final Clock clock;
    private final IdGenerator ids;
    private final ActorRefResolver resolver;
    /** Nodes the state says are up but that have no session here, since when this dispatcher noticed. */
    private final Map<String, Instant> unseenSince = new HashMap<>();
    private final Map<String, NodeSession> sessions = new LinkedHashMap<>();
    private final List<ReportStatus> pending = new ArrayList<>();
    private boolean observing;
    private boolean markingDown;
    private long pushedIndex = -1;
    private Instant lastFullSync = Instant.MIN;
    /** The heartbeat period the sessions were last told (the swarm spec's, {@code docker swarm update} changes it). */
    private Duration period;
    /** Until then, nodes that have not opened a session are given time to reconnect rather than marked down. */
    private final Instant graceUntil;

    public static Behavior<DispatcherMessage> create(ActorRef<ClusterState.Command> state, StateView view,
                                                     DispatcherSettings settings, Clock clock, IdGenerator ids) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.batchInterval());
            return new Dispatcher(ctx, state, view, settings, clock, ids);
        }));
    }

    private Dispatcher(ActorContext<DispatcherMessage> ctx, ActorRef<ClusterState.Command> state, StateView view,
                       DispatcherSettings settings, Clock clock, IdGenerator ids) {
        super(ctx);
        this.state = state;
        this.view = view;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
        this.resolver = ActorRefResolver.get(ctx.getSystem());
        this.graceUntil = clock.instant().plus(settings.startupGrace());
        this.period = settings.heartbeatPeriod();
    }

    /** The swarm spec's heartbeat period once there is a swarm, else the configured one. */
    private Duration heartbeatPeriod(Optional<StateSnapshot> snapshot) {
        return snapshot.map(StateSnapshot::swarm).map(sw -> sw.spec().heartbeatPeriod()).filter(n -> n > 0)
                .map(Duration::ofNanos).orElse(settings.heartbeatPeriod());
    }

    /** How long a session lives without a heartbeat: missed-heartbeats periods. */
    private Duration sessionTimeout() {
        return period.multipliedBy(settings.missedHeartbeats());
    }

    /**
     * When the swarm's heartbeat period changed, every session is told the new one (a SessionOpened with its own
     * id: the worker keeps its session and re-times its heartbeats).
     */
    private void followHeartbeatPeriod(Optional<StateSnapshot> snapshot) {
        Duration wanted = heartbeatPeriod(snapshot);
        if (wanted.equals(period)) {
            return;
        }
        getContext().getLog().info("dispatcher heartbeat period changed from={} to={}", period, wanted);
        period = wanted;
        Instant now = clock.instant();
        for (NodeSession s : sessions.values()) {
            s.seen(now); // a longer period must not expire a session that kept the shorter one
            s.worker.tell(new DispatchProtocol.SessionOpened(s.id, period.toMillis()));
        }
    }

    @Override
    public Receive<DispatcherMessage> createReceive() {
        return newReceiveBuilder()
                .onMessage(OpenSession.class, this::onOpenSession)
                .onMessage(Heartbeat.class, this::onHeartbeat)
                .onMessage(ReportStatus.class, this::onReportStatus)
                .onMessage(Tick.class, t -> onTick())
                .onMessage(Observed.class, this::onObserved)
                .onMessage(MarkedDown.class, this::onMarkedDown)
                .onMessage(Registered.class, this::onRegistered)
                .build();
    }

    private Behavior<DispatcherMessage> onOpenSession(OpenSession o) {
        ActorRef<WorkerMessage> worker = resolver.resolveActorRef(o.worker());
        Optional<StateSnapshot> snapshot = view.current();
        followHeartbeatPeriod(snapshot);
        String refusal = snapshot.isEmpty() || snapshot.get().swarm() == null
                ? "This node is not a swarm manager: no swarm to join yet"
                : snapshot.get().nodes().stream().noneMatch(n -> n.id().equals(o.nodeId()))
                ? "node " + o.nodeId() + " is not part of this swarm" : null;
        if (refusal != null) {
            worker.tell(new DispatchProtocol.SessionRefused(refusal));
            return this;
        }
        NodeSession session = new NodeSession(ids.next(), o.nodeId(), worker, clock.instant());
        sessions.put(o.nodeId(), session);
        getContext().getLog().info("worker session opened node.id={} session={}", o.nodeId(), session.id);
        worker.tell(new DispatchProtocol.SessionOpened(session.id, period.toMillis()));
        List<AssignedTask> tasks = AssignmentSet.byNode(snapshot.get()).getOrDefault(o.nodeId(), List.of());
        DispatchProtocol.NetworkView network = NodeNetworks.byNode(snapshot.get()).getOrDefault(o.nodeId(), DispatchProtocol.NetworkView.EMPTY);
        session.update(tasks, network, clock.instant(), settings.fullSyncInterval()).ifPresent(worker::tell);
        getContext().ask(Result.class, state, settings.sessionTimeout(),
                r -> new ClusterState.RegisterNode(o.description(), o.status(), o.nodeId(), narrow(r)),
                (r, e) -> new Registered(o.nodeId(), cast(r), e));
        return this;
    }

    private Behavior<DispatcherMessage> onHeartbeat(Heartbeat h) {
        NodeSession s = sessions.get(h.nodeId());
        if (s == null || !s.id.equals(h.sessionId())) {
            refuseStale(h.nodeId(), h.sessionId(), s);
            return this;
        }
        s.seen(clock.instant());
        s.worker.tell(new DispatchProtocol.HeartbeatAck(s.id));
        return this;
    }

    private Behavior<DispatcherMessage> onReportStatus(ReportStatus r) {
        NodeSession s = sessions.get(r.nodeId());
        if (s == null || !s.id.equals(r.sessionId())) {
            refuseStale(r.nodeId(), r.sessionId(), s);
            return this;
        }
        s.seen(clock.instant());
        pending.add(r);
        return this;
    }

    /** A message of a session this dispatcher does not hold (it restarted, or the worker reopened): the worker's ack timeout reopens it. */
    private void refuseStale(String nodeId, String sessionId, NodeSession current) {
        getContext().getLog().debug("message from a session that is not current node.id={} session={} current={}", nodeId,
                sessionId, current == null ? null : current.id);
    }

    private Behavior<DispatcherMessage> onTick() {
        flushStatus();
        pushAssignments();
        checkHeartbeats();
        return this;
    }

    private void flushStatus() {
        if (observing || pending.isEmpty()) {
            return;
        }
        List<ReportStatus> batch = List.copyOf(pending);
        pending.clear();
        List<ClusterState.ObservedStatus> updates = new ArrayList<>();
        for (ReportStatus r : batch) {
            r.updates().forEach(u -> updates.add(new ClusterState.ObservedStatus(r.nodeId(), u.taskId(), u.status())));
        }
        observing = true;
        getContext().ask(Result.class, state, settings.sessionTimeout(),
                r -> new ClusterState.ObserveTasks(updates, narrow(r)), (r, e) -> new Observed(batch, cast(r), e));
    }

    private Behavior<DispatcherMessage> onObserved(Observed o) {
        observing = false;
        if (o.failure() != null || o.result() instanceof Result.Rejected<Integer>) {
            getContext().getLog().warn("task status batch not applied reports={} error={}", o.batch().size(),
                    o.failure() != null ? o.failure().toString() : o.result());
            return this;
        }
        for (ReportStatus r : o.batch()) {
            NodeSession s = sessions.get(r.nodeId());
            if (s != null && s.id.equals(r.sessionId())) {
                s.worker.tell(new DispatchProtocol.StatusAck(r.sessionId(), r.seq()));
            }
        }
        return this;
    }

    private void pushAssignments() {
        Optional<StateSnapshot> snapshot = view.current();
        Instant now = clock.instant();
        boolean fullSyncDue = now.isAfter(lastFullSync.plus(settings.fullSyncInterval()));
        if (snapshot.isEmpty() || sessions.isEmpty() || snapshot.get().index() == pushedIndex && !fullSyncDue) {
            return;
        }
        pushedIndex = snapshot.get().index();
        if (fullSyncDue) {
            lastFullSync = now;
        }
        Map<String, List<AssignedTask>> byNode = AssignmentSet.byNode(snapshot.get());
        Map<String, DispatchProtocol.NetworkView> networks = NodeNetworks.byNode(snapshot.get());
        for (NodeSession s : sessions.values()) {
            s.update(byNode.getOrDefault(s.nodeId, List.of()), networks.getOrDefault(s.nodeId, DispatchProtocol.NetworkView.EMPTY),
                    now, settings.fullSyncInterval()).ifPresent(s.worker::tell);
        }
    }

    private void checkHeartbeats() {
        Instant now = clock.instant();
        followHeartbeatPeriod(view.current());
        Duration timeout = sessionTimeout();
        sessions.values().removeIf(s -> {
            boolean expired = s.expired(now, timeout);
            if (expired) {
                getContext().getLog().warn("worker session expired node.id={} session={}", s.nodeId, s.id);
                unseenSince.put(s.nodeId, s.lastSeen());
            }
            return expired;
        });
        Optional<StateSnapshot> snapshot = view.current();
        if (snapshot.isEmpty()) {
            return;
        }
        Set<String> down = new HashSet<>();
        Set<String> up = new HashSet<>();
        for (Node n : snapshot.get().nodes()) {
            boolean ready = n.status() == null || !"down".equals(n.status().state());
            if (ready && !sessions.containsKey(n.id())) {
                up.add(n.id());
                if (unseenSince.computeIfAbsent(n.id(), k -> now).plus(timeout).isBefore(now) && !now.isBefore(graceUntil)) {
                    down.add(n.id());
                }
            }
        }
        unseenSince.keySet().retainAll(up);
        if (!down.isEmpty() && !markingDown) {
            markingDown = true;
            getContext().ask(Result.class, state, timeout,
                    r -> new ClusterState.MarkNodesDown(List.copyOf(down), HEARTBEAT_FAILURE, narrow(r)),
                    (r, e) -> new MarkedDown(cast(r), e));
        }
    }

    private Behavior<DispatcherMessage> onMarkedDown(MarkedDown m) {
        markingDown = false;
        if (m.failure() != null) {
            getContext().getLog().warn("nodes not marked down error={}", m.failure().toString());
        }
        return this;
    }

    private Behavior<DispatcherMessage> onRegistered(Registered r) {
        if (r.failure() != null || r.result() instanceof Result.Rejected<Node>) {
            getContext().getLog().warn("node not registered node.id={} error={}", r.nodeId(),
                    r.failure() != null ? r.failure().toString() : r.result());
        }
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ActorRef<Result<T>> narrow(ActorRef<Result> r) {
        return (ActorRef) r;
    }

    @SuppressWarnings("unchecked")
    private static <T> Result<T> cast(Result<?> r) {
        return (Result<T>) r;
    }
}
