package io.shoal.manager.http.docker;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import io.shoal.api.model.Swarm;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.StateView;
import io.shoal.testkit.fixtures.Nodes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * For the manager's HTTP route tests: a cluster state of its own (a fresh persistence id) with an initialised swarm
 * whose only node is "node1", and the Docker API that {@code routes} builds over it, served on a free loopback port.
 */
final class SwarmApiServer implements AutoCloseable {
    static final DaemonInfo DAEMON = new DaemonInfo("node1", "host1", "127.0.0.1", 2377, "6.1", "Debian", "x86_64", 2,
            1L << 30, "0.1.0", "/tmp");

    final ClusterClient cluster;
    /** {@code http://127.0.0.1:PORT}. */
    final String base;
    private final ServerBinding binding;

    private SwarmApiServer(ClusterClient cluster, ServerBinding binding) {
        this.cluster = cluster;
        this.binding = binding;
        this.base = "http://127.0.0.1:" + binding.localAddress().getPort();
    }

    /** {@code reconcile}: the cluster state's reconcile interval; {@code routes}: the API over the cluster client. */
    static SwarmApiServer start(ActorTestKit kit, String name, Duration reconcile, Function<ClusterClient, Route> routes)
            throws Exception {
        StateView view = new StateView();
        ActorRef<ClusterState.Command> state = kit.spawn(ClusterState.create(name + "-" + UUID.randomUUID(),
                new ClusterStateSettings(reconcile, 5, 1000), view, Clock.systemUTC(), IdGenerator.random(new SecureRandom())));
        ClusterClient cluster = new ClusterClient(state, view, kit.scheduler(), Duration.ofSeconds(5));
        ServerBinding binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0).bind(routes.apply(cluster))
                .toCompletableFuture().get();
        Result<Swarm> init = cluster.<Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("node1"), r))
                .thenApply(Result::ok).toCompletableFuture().get();
        if (!(init instanceof Result.Ok)) {
            binding.unbind().toCompletableFuture().get();
            throw new AssertionError("swarm init failed: " + init);
        }
        return new SwarmApiServer(cluster, binding);
    }

    @Override
    public void close() throws Exception {
        binding.unbind().toCompletableFuture().get();
    }
}
