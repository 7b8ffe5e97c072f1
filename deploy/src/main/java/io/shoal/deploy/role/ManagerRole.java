package io.shoal.deploy.role;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.ClusterSingletonSettings;
import akka.cluster.typed.SingletonActor;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import io.shoal.deploy.config.DaemonSettings;
import io.shoal.manager.dispatch.Dispatcher;
import io.shoal.manager.dispatch.DispatcherSettings;
import io.shoal.manager.ca.LocalMembership;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.http.docker.DaemonInfo;
import io.shoal.manager.http.docker.DockerApi;
import io.shoal.manager.logs.RemoteTaskLogs;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.StateView;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The manager role: the cluster state and the dispatcher as singletons on the manager role (so they share
 * a JVM and the dispatcher reads the state's published view), and the HTTP API in front of them (its service
 * and task logs pulled from the nodes that run the tasks).
 */
public final class ManagerRole {
    private final ClusterClient client;
    private final CompletionStage<ServerBinding> binding;

    private ManagerRole(ClusterClient client, CompletionStage<ServerBinding> binding) {
        this.client = client;
        this.binding = binding;
    }

    public static ManagerRole start(ActorSystem<?> system, DaemonSettings settings, DaemonInfo daemon) {
        return start(system, settings, daemon, LocalMembership.UNSUPPORTED, List.of());
    }

    /**
     * @param membership this daemon's side of swarm init, join and leave (deploy.membership)
     * @param nodeEndpoints this node's own Docker endpoints (containers, images, volumes, exec), mounted beside the cluster's
     */
    public static ManagerRole start(ActorSystem<?> system, DaemonSettings settings, DaemonInfo daemon, LocalMembership membership,
                                    List<Route> nodeEndpoints) {
        StateView view = new StateView();
        ActorRef<ClusterState.Command> state = ClusterSingleton.get(system).init(
                SingletonActor.of(ClusterState.create("cluster-state", ClusterStateSettings.from(system.settings().config()),
                                view, Clock.systemUTC(), IdGenerator.random(new SecureRandom())), "cluster-state")
                        .withSettings(ClusterSingletonSettings.create(system).withRole("manager")));
        ClusterSingleton.get(system).init(
                SingletonActor.of(Dispatcher.create(state, view, DispatcherSettings.from(system.settings().config()),
                                Clock.systemUTC(), IdGenerator.random(new SecureRandom())), "dispatcher")
                        .withSettings(ClusterSingletonSettings.create(system).withRole("manager")));
        Duration timeout = system.settings().config().getDuration("shoal.daemon.ask-timeout");
        ClusterClient client = new ClusterClient(state, view, system.scheduler(), timeout);
        CompletionStage<ServerBinding> binding = Http.get(system)
                .newServerAt(settings.apiAddr().host(), settings.apiAddr().port())
                .bind(new DockerApi(client, daemon, nodeEndpoints, membership, new RemoteTaskLogs(system, timeout)).route());
        return new ManagerRole(client, binding);
    }

    public ClusterClient client() {
        return client;
    }

    public CompletionStage<ServerBinding> binding() {
        return binding;
    }
}
