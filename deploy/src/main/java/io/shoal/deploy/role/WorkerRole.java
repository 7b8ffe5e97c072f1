package io.shoal.deploy.role;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.ActorContext;
import io.shoal.api.model.Node;
import io.shoal.api.error.ApiException;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.manager.state.ClusterState;
import io.shoal.worker.agent.WorkerAgent;
import io.shoal.worker.report.NodeReporter;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The worker role: the worker agent, reporting this node to the cluster state. On a one-host cluster the
 * report goes straight to the local manager; a swarm that is not yet initialised simply isn't told.
 */
public final class WorkerRole {
    private WorkerRole() {}

    public static void start(ActorContext<?> ctx, ActorSystem<?> system, ClusterClient cluster, DaemonInfo daemon) {
        NodeReporter reporter = (description, status) -> cluster.<Node>command(
                        r -> new ClusterState.RegisterNode(description, status, daemon.nodeId(), r))
                .handle((node, e) -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause == null) {
                        return true;
                    }
                    if (cause instanceof ApiException a && (a.status() == 503 || a.status() == 404)) {
                        return false;
                    }
                    throw new CompletionException(cause);
                });
        Duration heartbeat = system.settings().config().getDuration("shoal.daemon.heartbeat");
        ctx.spawn(WorkerAgent.create(daemon::description, daemon::readyStatus, reporter, heartbeat), "worker-agent");
    }
}
