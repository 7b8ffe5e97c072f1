package io.shoal.worker.agent;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.shoal.api.model.Node;
import io.shoal.worker.report.NodeReporter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The agent of one node: it reports the node's description and readiness to the managers at start and
 * on every heartbeat, so the scheduler sees current resources and the managers see the node alive.
 * Running assigned tasks comes with the node engine (a later issue); until then tasks assigned here wait.
 */
public final class WorkerAgent extends AbstractBehavior<WorkerAgent.Command> {

    public sealed interface Command {}

    /** The outcome of the last report. */
    record Reported(boolean accepted, Throwable failure) implements Command {}

    private enum Tick implements Command { INSTANCE }

    private final Supplier<Node.Description> description;
    private final Supplier<Node.Status> status;
    private final NodeReporter reporter;
    private boolean registered;

    public static Behavior<Command> create(Supplier<Node.Description> description, Supplier<Node.Status> status,
                                           NodeReporter reporter, Duration heartbeat) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ZERO, heartbeat);
            return new WorkerAgent(ctx, description, status, reporter);
        }));
    }

    private WorkerAgent(ActorContext<Command> ctx, Supplier<Node.Description> description, Supplier<Node.Status> status,
                        NodeReporter reporter) {
        super(ctx);
        this.description = description;
        this.status = status;
        this.reporter = reporter;
    }

    @Override
    public akka.actor.typed.javadsl.Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, t -> onTick())
                .onMessage(Reported.class, this::onReported)
                .build();
    }

    private Behavior<Command> onTick() {
        getContext().pipeToSelf(reporter.report(description.get(), status.get()), Reported::new);
        return this;
    }

    private Behavior<Command> onReported(Reported r) {
        if (r.failure() != null) {
            getContext().getLog().warn("node report failed error={}", r.failure().toString());
        } else if (r.accepted() && !registered) {
            registered = true;
            getContext().getLog().info("node reported to managers");
        }
        return this;
    }
}
