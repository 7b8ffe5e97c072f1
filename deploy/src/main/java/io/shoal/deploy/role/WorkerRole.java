package io.shoal.deploy.role;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.ActorContext;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.worker.agent.WorkerAgent;
import io.shoal.worker.agent.WorkerSettings;
import io.shoal.worker.task.TaskRuntime;
import java.time.Clock;

/**
 * The worker role: the worker agent of this node, which finds the dispatcher of the cluster (on this JVM
 * or another) and runs its assigned tasks through {@code runtime}. Blocking runtime calls go to Akka's
 * blocking-I/O dispatcher.
 */
public final class WorkerRole {
    private WorkerRole() {}

    public static void start(ActorContext<?> ctx, ActorSystem<?> system, DaemonInfo daemon, TaskRuntime runtime) {
        ctx.spawn(WorkerAgent.create(daemon.nodeId(), daemon::description, daemon::readyStatus, runtime,
                system.dispatchers().lookup(DispatcherSelector.blocking()), WorkerSettings.from(system.settings().config()),
                Clock.systemUTC()), "worker-agent");
    }
}
