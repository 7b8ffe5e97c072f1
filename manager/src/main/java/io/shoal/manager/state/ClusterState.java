package io.shoal.manager.state;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.TaskStatus;
import io.shoal.manager.network.NetworkDecisions;
import io.shoal.manager.network.ServiceEndpoints;
import java.time.Clock;
import java.util.List;

/**
 * The cluster's desired state as an event-sourced behavior (a Cluster Singleton on the manager role).
 * Each command is validated by {@link Decisions}, the orchestrators' {@link Reconciliation} for the new
 * state is added, and everything is persisted in one batch before the reply: an acknowledged change is
 * on disk, and the tasks it implies are on disk with it.
 */
public final class ClusterState extends EventSourcedBehaviorWithEnforcedReplies<ClusterState.Command, ClusterEvent, State> {

    public sealed interface Command {}

    /** {@code taskHistoryLimit}: ended tasks kept per slot, Swarm's TaskHistoryRetentionLimit (null: 5). */
    /** {@code heartbeatPeriod}: the dispatcher's, in nanoseconds (null: this manager's configured period). */
    public record InitSwarm(Node local, Long taskHistoryLimit, Long heartbeatPeriod, ActorRef<Result<Swarm>> replyTo)
            implements Command {
        public InitSwarm(Node local, ActorRef<Result<Swarm>> replyTo) {
            this(local, null, null, replyTo);
        }
    }

    /** {@code docker swarm update}: the spec's null fields keep their current values. */
    public record UpdateSwarm(long version, Swarm.Spec spec, ActorRef<Result<Swarm>> replyTo) implements Command {}

    /** A node reports itself (at start and whenever its description changes). */
    public record RegisterNode(Node.Description description, Node.Status status, String nodeId,
                               ActorRef<Result<Node>> replyTo) implements Command {}

    public record CreateService(ServiceSpec spec, ActorRef<Result<Service>> replyTo) implements Command {}

    public record UpdateService(String serviceId, long version, ServiceSpec spec, ActorRef<Result<Service>> replyTo)
            implements Command {}

    public record RemoveService(String serviceId, ActorRef<Result<Service>> replyTo) implements Command {}

    public record UpdateNode(String nodeId, long version, Node.Spec spec, ActorRef<Result<Node>> replyTo)
            implements Command {}

    public record Read(ActorRef<StateSnapshot> replyTo) implements Command {}

    /** Task states reported by workers, batched by the dispatcher: one persist for the whole batch. */
    public record ObserveTasks(List<ObservedStatus> updates, ActorRef<Result<Integer>> replyTo) implements Command {}

    public record ObservedStatus(String nodeId, String taskId, TaskStatus status) {}

    /** The dispatcher lost these nodes' heartbeats. */
    public record MarkNodesDown(List<String> nodeIds, String message, ActorRef<Result<Integer>> replyTo) implements Command {}

    // Networks (issue 7).
    public record CreateNetwork(io.shoal.api.model.NetworkSpec spec, ActorRef<Result<io.shoal.api.model.Network>> replyTo) implements Command {}

    public record RemoveNetwork(String networkId, ActorRef<Result<io.shoal.api.model.Network>> replyTo) implements Command {}

    /** Removes every unused network (but ingress) that the filter selects; answers their names. */
    public record PruneNetworks(java.util.function.Predicate<io.shoal.api.model.Network> selected,
                                ActorRef<Result<List<String>>> replyTo) implements Command {}

    /** Installs the CA and join secrets (swarm init: only if none yet) or replaces the secrets (rotation). */
    public record UpdateSecurity(io.shoal.manager.ca.ClusterSecurity security, boolean onlyIfAbsent,
                                 ActorRef<Result<io.shoal.manager.ca.ClusterSecurity>> replyTo) implements Command {}

    /** A node presented a valid join token for {@code role}. */
    public record AdmitNode(Node node, io.shoal.api.identity.NodeRole role, ActorRef<Result<Node>> replyTo) implements Command {}

    /** {@code docker node rm [--force]}. */
    public record RemoveNode(String nodeId, boolean force, ActorRef<Result<Node>> replyTo) implements Command {}

    private enum Tick implements Command { INSTANCE }

    private final ClusterStateSettings settings;
    private final StateView view;
    private final Decisions decisions;
    private final NetworkDecisions networks;
    private final MembershipDecisions membership;
    private final ActorContext<Command> context;

    public static Behavior<Command> create(String persistenceId, ClusterStateSettings settings, StateView view, Clock clock,
                                           IdGenerator ids) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ClusterState(persistenceId, settings, view, clock, ids, ctx, timers)));
    }

    private ClusterState(String persistenceId, ClusterStateSettings settings, StateView view, Clock clock, IdGenerator ids,
                         ActorContext<Command> context, TimerScheduler<Command> timers) {
        super(PersistenceId.ofUniqueId(persistenceId));
        this.settings = settings;
        this.view = view;
        this.decisions = new Decisions(clock, ids);
        this.networks = new NetworkDecisions(clock, ids);
        this.membership = new MembershipDecisions(clock);
        this.context = context;
        timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.reconcileInterval());
    }

    @Override
    public State emptyState() {
        return State.empty();
    }

    @Override
    public CommandHandlerWithReply<Command, ClusterEvent, State> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(InitSwarm.class, (s, c) -> persist(c.replyTo(), networks.withIngress(s, decisions.initSwarm(s, c.local(), c.taskHistoryLimit(),
                        c.heartbeatPeriod() != null ? c.heartbeatPeriod() : settings.heartbeatPeriod().toNanos())), s))
                .onCommand(UpdateSwarm.class, (s, c) -> persist(c.replyTo(), decisions.updateSwarm(s, c.version(), c.spec()), s))
                .onCommand(RegisterNode.class, (s, c) -> persist(c.replyTo(), decisions.registerNode(s, c.nodeId(), c.description(), c.status()), s))
                .onCommand(CreateService.class, (s, c) -> persist(c.replyTo(), ServiceEndpoints.decide(s, decisions.createService(s, c.spec())), s))
                .onCommand(UpdateService.class, (s, c) -> persist(c.replyTo(), ServiceEndpoints.decide(s, decisions.updateService(s, c.serviceId(), c.version(), c.spec())), s))
                .onCommand(RemoveService.class, (s, c) -> persist(c.replyTo(), decisions.removeService(s, c.serviceId()), s))
                .onCommand(UpdateNode.class, (s, c) -> persist(c.replyTo(), decisions.updateNode(s, c.nodeId(), c.version(), c.spec()), s))
                .onCommand(ObserveTasks.class, (s, c) -> persist(c.replyTo(), decisions.observeTasks(s, c.updates()), s))
                .onCommand(MarkNodesDown.class, (s, c) -> persist(c.replyTo(), decisions.markNodesDown(s, c.nodeIds(), c.message()), s))
                .onCommand(CreateNetwork.class, (s, c) -> persist(c.replyTo(), networks.create(s, c.spec()), s))
                .onCommand(RemoveNetwork.class, (s, c) -> persist(c.replyTo(), networks.remove(s, c.networkId()), s))
                .onCommand(PruneNetworks.class, (s, c) -> persist(c.replyTo(), networks.prune(s, c.selected()), s))
                .onCommand(UpdateSecurity.class, (s, c) -> persist(c.replyTo(), membership.updateSecurity(s, c.security(), c.onlyIfAbsent()), s))
                .onCommand(AdmitNode.class, (s, c) -> persist(c.replyTo(), membership.admitNode(s, c.node(), c.role()), s))
                .onCommand(RemoveNode.class, (s, c) -> persist(c.replyTo(), membership.removeNode(s, c.nodeId(), c.force()), s))
                .onCommand(Read.class, (s, c) -> Effect().reply(c.replyTo(), StateSnapshot.of(s)))
                .onCommand(Tick.class, (s, c) -> reconcileOnly(s))
                .build();
    }

    private <T> ReplyEffect<ClusterEvent, State> persist(ActorRef<Result<T>> replyTo, Decision<T> d, State s) {
        if (d.result() instanceof Result.Rejected<T>) {
            return Effect().reply(replyTo, d.result());
        }
        List<ClusterEvent> events = decisions.withReconciliation(s, d.events(), historyLimit(s));
        if (events.isEmpty()) {
            return Effect().reply(replyTo, d.result());
        }
        d.logTo(context.getLog());
        return Effect().persist(events).thenRun(view::publish).thenReply(replyTo, after -> d.result());
    }

    private ReplyEffect<ClusterEvent, State> reconcileOnly(State s) {
        List<ClusterEvent> events = decisions.withReconciliation(s, List.of(), historyLimit(s));
        return events.isEmpty() ? Effect().noReply() : Effect().persist(events).thenRun(view::publish).thenNoReply();
    }

    /** The swarm's TaskHistoryRetentionLimit once it has one, else the configured default. */
    private long historyLimit(State s) {
        return s.swarm().map(Swarm::spec).map(Swarm.Spec::taskHistoryRetentionLimit).orElse(settings.taskHistoryLimit());
    }

    @Override
    public EventHandler<State, ClusterEvent> eventHandler() {
        return (state, event) -> state.apply(event);
    }

    @Override
    public SignalHandler<State> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), s -> {
                    context.getLog().info("cluster state recovered index={} services={} tasks={} nodes={}",
                            s.index(), s.services().size(), s.tasks().size(), s.nodes().size());
                    view.publish(s);
                    context.getSelf().tell(Tick.INSTANCE);
                })
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
    }

    @Override
    public SnapshotAdapter<State> snapshotAdapter() {
        return new SnapshotAdapter<>() {
            @Override
            public Object toJournal(State state) {
                return StateSnapshot.of(state);
            }

            @Override
            public State fromJournal(Object from) {
                return ((StateSnapshot) from).toState();
            }
        };
    }
}
