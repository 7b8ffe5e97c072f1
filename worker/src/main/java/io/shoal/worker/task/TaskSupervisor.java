package io.shoal.worker.task;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.worker.report.TaskStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The node's tasks: one {@link TaskRunner} per assigned task. At start it lists the task containers already
 * on the node, and the first complete assignment set is matched against them by task id, so a restarted
 * worker adopts what runs instead of starting it again; containers of tasks no longer assigned are
 * stopped and removed.
 */
public final class TaskSupervisor extends AbstractBehavior<TaskSupervisor.Command> {

    public sealed interface Command {}

    public record Assign(Assignments assignments) implements Command {}

    private record Listed(List<TaskRuntime.TaskContainer> containers, Throwable failure) implements Command {}

    private record RunnerStopped(String taskId) implements Command {}

    private record OrphanRemoved(String containerId, Throwable failure) implements Command {}

    private final TaskRuntime runtime;
    private final Executor blocking;
    private final ActorRef<TaskStatusChanged> reports;
    private final Clock clock;
    private final Map<String, ActorRef<TaskRunner.Command>> runners = new HashMap<>();
    private final Map<String, TaskRuntime.TaskContainer> found = new HashMap<>();
    private final List<Assignments> early = new ArrayList<>();
    private boolean listed;

    public static Behavior<Command> create(TaskRuntime runtime, Executor blocking, ActorRef<TaskStatusChanged> reports,
                                           Clock clock) {
        return Behaviors.setup(ctx -> new TaskSupervisor(ctx, runtime, blocking, reports, clock));
    }

    private TaskSupervisor(ActorContext<Command> ctx, TaskRuntime runtime, Executor blocking,
                           ActorRef<TaskStatusChanged> reports, Clock clock) {
        super(ctx);
        this.runtime = runtime;
        this.blocking = blocking;
        this.reports = reports;
        this.clock = clock;
        ctx.pipeToSelf(CompletableFuture.supplyAsync(runtime::list, blocking), Listed::new);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Assign.class, this::onAssign)
                .onMessage(Listed.class, this::onListed)
                .onMessage(RunnerStopped.class, this::onRunnerStopped)
                .onMessage(OrphanRemoved.class, this::onOrphanRemoved)
                .build();
    }

    private Behavior<Command> onListed(Listed l) {
        listed = true;
        if (l.failure() != null) {
            getContext().getLog().warn("task containers not listed error={}", l.failure().toString());
        } else {
            l.containers().forEach(c -> found.put(c.taskId(), c));
            getContext().getLog().info("task containers found count={}", found.size());
        }
        early.forEach(this::apply);
        early.clear();
        return this;
    }

    private Behavior<Command> onAssign(Assign a) {
        runtime.assigned(a.assignments());
        if (!listed) {
            early.add(a.assignments());
        } else {
            apply(a.assignments());
        }
        return this;
    }

    private void apply(Assignments a) {
        Set<String> ids = new HashSet<>();
        for (AssignedTask t : a.tasks()) {
            ids.add(t.task().id());
            ActorRef<TaskRunner.Command> runner = runners.get(t.task().id());
            if (runner != null) {
                runner.tell(new TaskRunner.Update(t));
            } else {
                spawn(t);
            }
        }
        List<String> gone = new ArrayList<>(a.removed());
        if (a.complete()) {
            runners.keySet().stream().filter(id -> !ids.contains(id)).forEach(gone::add);
            for (TaskRuntime.TaskContainer orphan : List.copyOf(found.values())) {
                if (!ids.contains(orphan.taskId())) {
                    found.remove(orphan.taskId());
                    removeOrphan(orphan);
                }
            }
        }
        for (String id : gone) {
            ActorRef<TaskRunner.Command> runner = runners.get(id);
            if (runner != null) {
                runner.tell(new TaskRunner.Remove());
            }
        }
    }

    private void spawn(AssignedTask t) {
        String id = t.task().id();
        ActorRef<TaskRunner.Command> runner = getContext().spawn(
                TaskRunner.create(t, found.remove(id), runtime, blocking, reports, clock), "task-" + id);
        getContext().watchWith(runner, new RunnerStopped(id));
        runners.put(id, runner);
    }

    private void removeOrphan(TaskRuntime.TaskContainer c) {
        getContext().getLog().info("removing container of a task no longer assigned container.id={} task.id={}",
                c.containerId(), c.taskId());
        getContext().pipeToSelf(CompletableFuture.runAsync(() -> {
            if (c.running()) {
                runtime.stop(c.containerId(), Duration.ofSeconds(10));
            }
            runtime.remove(c.containerId());
        }, blocking), (ok, e) -> new OrphanRemoved(c.containerId(), e));
    }

    private Behavior<Command> onRunnerStopped(RunnerStopped s) {
        runners.remove(s.taskId());
        return this;
    }

    private Behavior<Command> onOrphanRemoved(OrphanRemoved r) {
        if (r.failure() != null) {
            getContext().getLog().warn("orphan container not removed container.id={} error={}", r.containerId(),
                    r.failure().toString());
        }
        return this;
    }
}
