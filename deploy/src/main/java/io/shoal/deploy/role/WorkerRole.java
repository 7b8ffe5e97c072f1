package io.shoal.deploy.role;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.ActorContext;
import akka.http.javadsl.server.Route;
import io.shoal.api.model.Node;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.worker.agent.WorkerAgent;
import io.shoal.worker.agent.WorkerSettings;
import io.shoal.worker.engine.EngineTaskOutput;
import io.shoal.worker.http.EngineAdapter;
import io.shoal.worker.http.NodeEndpoints;
import io.shoal.worker.logs.LogServer;
import io.shoal.worker.task.TaskRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The worker role: the worker agent of this node, which finds the dispatcher of the cluster (on this JVM
 * or another) and runs its assigned tasks through {@code runtime}. Blocking runtime calls go to a
 * dispatcher of their own ({@code shoal.worker.runtime-dispatcher}).
 */
public final class WorkerRole {
    private WorkerRole() {}

    /**
     * This node's Docker endpoints over its engine (503s when the engine could not be opened), with their state
     * under {@code DATA_ROOT/docker}; pulls and pushes go through the engine's registry client.
     */
    public static List<Route> nodeEndpoints(ActorSystem<?> system, NodeEngine engine, Path dataRoot) {
        return engine.engine().map(EngineAdapter::new).map(a -> NodeEndpoints.create(system, a, a,
                dataRoot.resolve("docker")).routes()).orElse(NodeEndpoints.unavailable("see the daemon's log"));
    }

    /**
     * This node's log server, through which the managers stream the output of the tasks it runs (none when the
     * engine could not be opened: the managers then see no output from this node). Each open stream holds a thread
     * of its own while it reads.
     */
    public static void startLogServer(ActorContext<?> ctx, DaemonInfo daemon, NodeEngine engine) {
        engine.engine().ifPresent(e -> {
            AtomicInteger threads = new AtomicInteger();
            ExecutorService reads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "shoal-task-logs-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            ctx.spawn(LogServer.create(daemon.nodeId(), new EngineTaskOutput(e), reads), "log-server");
        });
    }

    public static void start(ActorContext<?> ctx, ActorSystem<?> system, DaemonInfo daemon,
                             Supplier<Node.Description> description, TaskRuntime runtime) {
        ctx.spawn(WorkerAgent.create(daemon.nodeId(), description, daemon::readyStatus, runtime,
                system.dispatchers().lookup(DispatcherSelector.fromConfig("shoal.worker.runtime-dispatcher")), WorkerSettings.from(system.settings().config()),
                Clock.systemUTC()), "worker-agent");
    }
}
