package io.shoal.worker.task;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.worker.report.TaskStatusChanged;
import akka.actor.typed.javadsl.TimerScheduler;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.image.Healthcheck;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * One assigned task on this node: it takes the steps {@link TaskStep} decides (accept, prepare the image
 * and container, start, stop), one blocking runtime call at a time on the blocking executor, watches the
 * running container for its exit, and reports each state it reaches. A task with a health check stays
 * {@code starting} until the engine's health monitor says healthy and fails when it says unhealthy, as
 * Swarm's do. When the task leaves the node's
 * assignments it stops and removes its container, then stops itself.
 */
public final class TaskRunner extends AbstractBehavior<TaskRunner.Command> {

    public sealed interface Command {}

    /** The managers' latest version of the task. */
    public record Update(AssignedTask task) implements Command {}

    /** The task is no longer assigned here. */
    public record Remove() implements Command {}

    /** A runtime call finished: the state reached, or the failure; preparing also finds the image's health check. */
    private record Done(TaskStatus reached, String containerId, Throwable failure, TaskState failAs, Healthcheck imageCheck)
            implements Command {
        Done(TaskStatus reached, String containerId, Throwable failure, TaskState failAs) {
            this(reached, containerId, failure, failAs, null);
        }
    }

    private enum Probe implements Command { INSTANCE }

    /** The engine's health verdict on the container (null: no check), or why it could not be read. */
    private record Probed(HealthState.Status status, Throwable failure) implements Command {}

    private record CheckFound(Healthcheck imageCheck) implements Command {}

    private record Exited(String containerId, Integer exitCode, Throwable failure) implements Command {}

    private record Removed(Throwable failure) implements Command {}

    private final TaskRuntime runtime;
    private final Executor blocking;
    private final ActorRef<TaskStatusChanged> reports;
    private final Clock clock;
    private final TimerScheduler<Command> timers;
    private AssignedTask task;
    private Healthcheck check;
    private TaskStatus status;
    private String containerId;
    private boolean busy;
    private boolean watching;
    private boolean removing;
    private boolean stopping;

    /** {@code existing} is this task's container found on the node at start (re-sync), or null. */
    public static Behavior<Command> create(AssignedTask task, TaskRuntime.TaskContainer existing, TaskRuntime runtime,
                                           Executor blocking, ActorRef<TaskStatusChanged> reports, Clock clock) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new TaskRunner(ctx, timers, task, existing, runtime, blocking, reports, clock)));
    }

    private TaskRunner(ActorContext<Command> ctx, TimerScheduler<Command> timers, AssignedTask task,
                       TaskRuntime.TaskContainer existing, TaskRuntime runtime, Executor blocking,
                       ActorRef<TaskStatusChanged> reports, Clock clock) {
        super(ctx);
        this.timers = timers;
        this.task = task;
        this.status = task.task().status();
        this.runtime = runtime;
        this.blocking = blocking;
        this.reports = reports;
        this.clock = clock;
        if (existing != null) {
            adopt(existing);
        }
        step();
    }

    /** Re-sync after a restart: a running container is watched again, an exited one reported as ended. */
    private void adopt(TaskRuntime.TaskContainer c) {
        containerId = c.containerId();
        if (c.running()) {
            if (status.state().compareTo(TaskState.RUNNING) < 0) {
                report(new TaskStatus(clock.instant(), TaskState.RUNNING, "started", null,
                        new TaskStatus.ContainerStatus(containerId, null, null)));
            }
            watch();
            String image = task.task().spec().containerSpec().image();
            getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> runtime.imageHealthcheck(image), blocking),
                    (found, e) -> new CheckFound(found));
        } else if (!status.state().isTerminal()) {
            if (status.state().compareTo(TaskState.READY) < 0) {
                report(status(TaskState.READY, "prepared"));
            } else if (status.state().compareTo(TaskState.RUNNING) >= 0) {
                report(ended(c.exitCode() == null ? 0 : c.exitCode()));
            }
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Update.class, this::onUpdate)
                .onMessage(Remove.class, r -> onRemove())
                .onMessage(Done.class, this::onDone)
                .onMessage(Exited.class, this::onExited)
                .onMessage(Removed.class, this::onRemoved)
                .onMessage(CheckFound.class, this::onCheckFound)
                .onMessage(Probe.class, p -> onProbe())
                .onMessage(Probed.class, this::onProbed)
                .build();
    }

    private Behavior<Command> onUpdate(Update u) {
        task = u.task();
        if (task.task().status().state().compareTo(status.state()) > 0) {
            status = task.task().status();
        }
        step();
        return this;
    }

    private Behavior<Command> onRemove() {
        removing = true;
        if (!busy) {
            removeContainer();
        }
        return this;
    }

    private Behavior<Command> onDone(Done d) {
        busy = false;
        if (d.containerId() != null) {
            containerId = d.containerId();
            check = HealthChecks.effective(task.task().spec(), d.imageCheck());
        }
        if (d.failure() != null) {
            String message = d.failure() instanceof TaskRuntimeException ? d.failure().getMessage() : d.failure().toString();
            log("task step failed", message);
            report(new TaskStatus(clock.instant(), d.failAs(), message, message, containerStatus(null)));
        } else if (d.reached() != null && d.reached().state() == TaskState.RUNNING && check != null) {
            watch(); // stays starting until its health check passes, as Swarm's tasks do
            startProbing();
        } else if (d.reached() != null) {
            report(d.reached());
            if (d.reached().state() == TaskState.RUNNING) {
                watch();
            }
        }
        if (removing) {
            removeContainer();
        } else {
            step();
        }
        return this;
    }

    private Behavior<Command> onExited(Exited e) {
        watching = false;
        if (!e.containerId().equals(containerId) || status.state().isTerminal()) {
            return this;
        }
        if (e.failure() != null) {
            report(new TaskStatus(clock.instant(), TaskState.FAILED, "task: container lost", e.failure().toString(),
                    containerStatus(null)));
        } else if (task.task().desiredState().compareTo(TaskState.RUNNING) > 0) {
            report(status(TaskState.SHUTDOWN, "shutdown"));
        } else {
            report(ended(e.exitCode()));
        }
        return this;
    }

    private Behavior<Command> onRemoved(Removed r) {
        if (r.failure() != null) {
            log("task container not removed", r.failure().toString());
        }
        return Behaviors.stopped();
    }

    private void step() {
        if (busy || removing) {
            return;
        }
        if (status.state().isTerminal() && watching && !stopping
                && task.task().desiredState().compareTo(TaskState.RUNNING) > 0) {
            stopping = true; // the managers ended it while its container came up: stop it, nothing to report
            String id = containerId;
            java.time.Duration grace = ContainerPlan.grace(task.task().spec());
            run(() -> {
                runtime.stop(id, grace);
                return new Done(null, null, null, null);
            }, TaskState.SHUTDOWN);
            return;
        }
        boolean awaitingHealth = watching && status.state().compareTo(TaskState.RUNNING) < 0
                && task.task().desiredState().compareTo(TaskState.RUNNING) <= 0;
        if (awaitingHealth) {
            return; // started, and starting until its health check passes
        }
        TaskStep.Action action = TaskStep.next(task.task().desiredState(), status.state(), containerId != null);
        switch (action) {
            case ACCEPT:
                report(status(TaskState.ACCEPTED, "accepted"));
                step();
                break;
            case PREPARE:
                report(status(TaskState.PREPARING, "preparing"));
                ContainerPlan plan = ContainerPlan.of(task);
                run(() -> {
                    runtime.prepare(plan.image(), task.task().spec().containerSpec().registryAuth());
                    Healthcheck imageCheck = runtime.imageHealthcheck(plan.image());
                    String id = runtime.create(plan);
                    return new Done(new TaskStatus(clock.instant(), TaskState.READY, "prepared", null,
                            new TaskStatus.ContainerStatus(id, null, null)), id, null, null, imageCheck);
                }, TaskState.REJECTED);
                break;
            case START:
                report(status(TaskState.STARTING, "starting"));
                String id = containerId;
                run(() -> {
                    runtime.start(id);
                    return new Done(new TaskStatus(clock.instant(), TaskState.RUNNING, "started", null,
                            new TaskStatus.ContainerStatus(id, null, null)), null, null, null);
                }, TaskState.FAILED);
                break;
            case STOP:
                String stopping = containerId;
                java.time.Duration grace = ContainerPlan.grace(task.task().spec());
                run(() -> {
                    if (stopping != null) {
                        runtime.stop(stopping, grace);
                    }
                    return new Done(status(TaskState.SHUTDOWN, "shutdown"), null, null, null);
                }, TaskState.SHUTDOWN);
                break;
            case LOST:
                report(new TaskStatus(clock.instant(), TaskState.FAILED, "task: its container is gone from this node",
                        "container missing", containerStatus(null)));
                break;
            default:
                break;
        }
    }

    private Behavior<Command> onCheckFound(CheckFound f) {
        check = HealthChecks.effective(task.task().spec(), f.imageCheck());
        if (check != null && watching && !status.state().isTerminal()) {
            startProbing();
        }
        return this;
    }

    private void startProbing() {
        timers.startSingleTimer(Probe.INSTANCE, pollPeriod());
    }

    /** How often to look at the engine's verdict: twice per probe interval, within 0.1 to 1 s. */
    private java.time.Duration pollPeriod() {
        long half = check.effectiveInterval().toMillis() / 2;
        return java.time.Duration.ofMillis(Math.max(100, Math.min(1000, half)));
    }

    private Behavior<Command> onProbe() {
        if (!watching || status.state().isTerminal() || removing) {
            return this;
        }
        String id = containerId;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> runtime.health(id), blocking),
                (h, e) -> new Probed(h, e == null ? null : unwrap(e)));
        return this;
    }

    private Behavior<Command> onProbed(Probed p) {
        if (!watching || status.state().isTerminal() || removing) {
            return this;
        }
        if (p.failure() != null) {
            log("task health unknown", p.failure().toString());
        } else if (p.status() == null || p.status() == HealthState.Status.HEALTHY) {
            if (status.state().compareTo(TaskState.RUNNING) < 0) { // healthy, or the runtime runs no check
                report(new TaskStatus(clock.instant(), TaskState.RUNNING, "started", null, containerStatus(null)));
            }
        } else if (p.status() == HealthState.Status.UNHEALTHY) {
            log("task container unhealthy", "unhealthy");
            report(new TaskStatus(clock.instant(), TaskState.FAILED, "task: unhealthy container",
                    "task: unhealthy container", containerStatus(null)));
            String id = containerId; // stopped at once: an unhealthy container does not keep serving
            java.time.Duration grace = ContainerPlan.grace(task.task().spec());
            CompletableFuture.runAsync(() -> runtime.stop(id, grace), blocking);
            return this;
        }
        timers.startSingleTimer(Probe.INSTANCE, pollPeriod());
        return this;
    }

    private void run(Supplier<Done> call, TaskState failAs) {
        busy = true;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(call, blocking),
                (done, e) -> done != null ? done : new Done(null, null, unwrap(e), failAs));
    }

    private void watch() {
        if (watching || containerId == null) {
            return;
        }
        watching = true;
        String id = containerId;
        java.util.concurrent.CompletionStage<Integer> exit;
        try {
            exit = runtime.waitExit(id);
        } catch (RuntimeException e) {
            exit = CompletableFuture.failedFuture(e);
        }
        getContext().pipeToSelf(exit, (code, e) -> new Exited(id, code, e == null ? null : unwrap(e)));
    }

    private void removeContainer() {
        String id = containerId;
        if (id == null) {
            getContext().getSelf().tell(new Removed(null));
            return;
        }
        busy = true;
        java.time.Duration grace = ContainerPlan.grace(task.task().spec());
        getContext().pipeToSelf(CompletableFuture.runAsync(() -> {
            try {
                runtime.stop(id, grace);
            } finally {
                runtime.remove(id); // a container that never started cannot be stopped, but still goes
            }
        }, blocking), (ok, e) -> new Removed(e == null ? null : unwrap(e)));
    }

    private TaskStatus ended(int exitCode) {
        return exitCode == 0
                ? new TaskStatus(clock.instant(), TaskState.COMPLETE, "finished", null, containerStatus(0))
                : new TaskStatus(clock.instant(), TaskState.FAILED, "task: non-zero exit (" + exitCode + ")",
                        "task: non-zero exit (" + exitCode + ")", containerStatus(exitCode));
    }

    private TaskStatus status(TaskState state, String message) {
        return new TaskStatus(clock.instant(), state, message, null, containerStatus(null));
    }

    private TaskStatus.ContainerStatus containerStatus(Integer exitCode) {
        return containerId == null ? null : new TaskStatus.ContainerStatus(containerId, null, exitCode);
    }

    private void report(TaskStatus next) {
        if (!status.canAdvanceTo(next.state())) {
            return;
        }
        status = status.advanceTo(next);
        reports.tell(new TaskStatusChanged(task.task().id(), status));
    }

    private void log(String event, String error) {
        MDC.put("task.id", task.task().id());
        MDC.put("service.id", task.task().serviceId());
        try {
            getContext().getLog().warn("{} error={}", event, error);
        } finally {
            MDC.remove("task.id");
            MDC.remove("service.id");
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
