package io.shoal.worker.agent;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.dispatch.DispatcherMessage;
import io.shoal.api.dispatch.WorkerMessage;
import io.shoal.api.model.Node;
import io.shoal.worker.report.StatusBatch;
import io.shoal.worker.report.TaskStatusChanged;
import io.shoal.worker.task.TaskRuntime;
import io.shoal.worker.task.TaskSupervisor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The agent of one node. It finds the dispatcher through the Receptionist (so it works from any JVM of
 * the Akka cluster), opens a session with the node's description, heartbeats it, hands assignments to the
 * {@link TaskSupervisor}, and sends task states in acknowledged batches ({@link StatusBatch}); a changed node
 * description (resources, labels) is sent by opening a new session. When the
 * dispatcher stops answering (a manager restart or failover) it opens a new session and sends again what
 * was not acknowledged; the supervisor keeps the containers running meanwhile.
 */
public final class WorkerAgent extends AbstractBehavior<WorkerMessage> {
    public static final ServiceKey<DispatcherMessage> DISPATCHER = ServiceKey.create(DispatcherMessage.class,
            DispatchProtocol.SERVICE_KEY);

    private enum Heartbeat implements WorkerMessage { INSTANCE }

    private enum Flush implements WorkerMessage { INSTANCE }

    private record Dispatchers(Receptionist.Listing listing) implements WorkerMessage {}

    private final String nodeId;
    private final Supplier<Node.Description> description;
    private final Supplier<Node.Status> status;
    private final WorkerSettings settings;
    private final Clock clock;
    private final TimerScheduler<WorkerMessage> timers;
    private final ActorRef<TaskSupervisor.Command> tasks;
    private final StatusBatch batch = new StatusBatch();
    private ActorRef<DispatcherMessage> dispatcher;
    private String sessionId;
    private Duration period;
    private Instant lastAnswer;
    private String lastRefusal;
    private Node.Description sent;

    public static Behavior<WorkerMessage> create(String nodeId, Supplier<Node.Description> description,
                                                 Supplier<Node.Status> status, TaskRuntime runtime, Executor blocking,
                                                 WorkerSettings settings, Clock clock) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new WorkerAgent(ctx, timers, nodeId, description, status, runtime, blocking, settings, clock)));
    }

    private WorkerAgent(ActorContext<WorkerMessage> ctx, TimerScheduler<WorkerMessage> timers, String nodeId,
                        Supplier<Node.Description> description, Supplier<Node.Status> status, TaskRuntime runtime,
                        Executor blocking, WorkerSettings settings, Clock clock) {
        super(ctx);
        this.nodeId = nodeId;
        this.description = description;
        this.status = status;
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.period = settings.heartbeatPeriod();
        this.tasks = ctx.spawn(TaskSupervisor.create(runtime, blocking, ctx.getSelf().narrow(), clock), "tasks");
        ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, Dispatchers::new);
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(DISPATCHER, listings));
        timers.startTimerWithFixedDelay(Heartbeat.INSTANCE, period);
        timers.startTimerWithFixedDelay(Flush.INSTANCE, settings.statusInterval());
    }

    @Override
    public Receive<WorkerMessage> createReceive() {
        return newReceiveBuilder()
                .onMessage(Dispatchers.class, this::onDispatchers)
                .onMessage(DispatchProtocol.SessionOpened.class, this::onSessionOpened)
                .onMessage(DispatchProtocol.SessionRefused.class, this::onSessionRefused)
                .onMessage(DispatchProtocol.HeartbeatAck.class, this::onHeartbeatAck)
                .onMessage(DispatchProtocol.StatusAck.class, this::onStatusAck)
                .onMessage(DispatchProtocol.Assignments.class, this::onAssignments)
                .onMessage(TaskStatusChanged.class, this::onTaskStatus)
                .onMessage(Heartbeat.class, h -> onHeartbeat())
                .onMessage(Flush.class, f -> onFlush())
                .build();
    }

    private Behavior<WorkerMessage> onDispatchers(Dispatchers d) {
        ActorRef<DispatcherMessage> next = d.listing().getServiceInstances(DISPATCHER).stream().findFirst().orElse(null);
        if (!Objects.equals(next, dispatcher)) {
            dispatcher = next;
            lose("dispatcher changed");
            open();
        }
        return this;
    }

    private void open() {
        if (dispatcher != null) {
            lastAnswer = clock.instant();
            sent = description.get();
            dispatcher.tell(new DispatchProtocol.OpenSession(nodeId, sent, status.get(),
                    ActorRefResolver.get(getContext().getSystem()).toSerializationFormat(getContext().getSelf())));
        }
    }

    private void lose(String why) {
        if (sessionId != null) {
            getContext().getLog().warn("dispatcher session lost session={} reason={}", sessionId, why);
        }
        sessionId = null;
        batch.resend();
    }

    private Behavior<WorkerMessage> onSessionOpened(DispatchProtocol.SessionOpened o) {
        sessionId = o.sessionId();
        lastAnswer = clock.instant();
        lastRefusal = null;
        Duration p = Duration.ofMillis(o.heartbeatPeriodMillis());
        if (!p.isZero() && !p.equals(period)) {
            period = p;
            timers.startTimerWithFixedDelay(Heartbeat.INSTANCE, period);
        }
        getContext().getLog().info("dispatcher session opened session={} heartbeat={}", sessionId, period);
        return this;
    }

    private Behavior<WorkerMessage> onSessionRefused(DispatchProtocol.SessionRefused r) {
        if (!r.reason().equals(lastRefusal)) {
            getContext().getLog().info("dispatcher refused the session reason={}", r.reason());
            lastRefusal = r.reason();
        }
        lose(r.reason());
        return this;
    }

    private Behavior<WorkerMessage> onHeartbeatAck(DispatchProtocol.HeartbeatAck a) {
        if (a.sessionId().equals(sessionId)) {
            lastAnswer = clock.instant();
        }
        return this;
    }

    private Behavior<WorkerMessage> onStatusAck(DispatchProtocol.StatusAck a) {
        if (a.sessionId().equals(sessionId)) {
            lastAnswer = clock.instant();
            batch.ack(a.seq());
        }
        return this;
    }

    private Behavior<WorkerMessage> onAssignments(DispatchProtocol.Assignments a) {
        if (a.sessionId().equals(sessionId)) {
            lastAnswer = clock.instant();
            tasks.tell(new TaskSupervisor.Assign(a));
        }
        return this;
    }

    private Behavior<WorkerMessage> onTaskStatus(TaskStatusChanged c) {
        batch.offer(c.taskId(), c.status());
        return this;
    }

    private Behavior<WorkerMessage> onHeartbeat() {
        if (dispatcher == null) {
            return this;
        }
        boolean silent = lastAnswer == null || lastAnswer.plus(period.multipliedBy(settings.missedHeartbeats())).isBefore(clock.instant());
        if (sessionId == null) {
            if (silent || lastRefusal != null) {
                open();
            }
        } else if (silent) {
            lose("no answer from the dispatcher");
            open();
        } else if (!description.get().equals(sent)) {
            open(); // resources, labels or engine changed: the new session carries the new description
        } else {
            dispatcher.tell(new DispatchProtocol.Heartbeat(nodeId, sessionId));
        }
        return this;
    }

    private Behavior<WorkerMessage> onFlush() {
        if (sessionId != null && dispatcher != null) {
            batch.next(clock.instant(), period).ifPresent(b -> dispatcher.tell(new DispatchProtocol.ReportStatus(nodeId, sessionId, b.seq(), b.updates())));
        }
        return this;
    }
}
