package io.shoal.worker.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.stream.Materializer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's Docker endpoints, ready to be mounted by the manager's {@code DockerApi} (which adds the version
 * prefix, Docker's headers and the error format). {@code stateDir} holds what Docker promises beyond the engine
 * (the containers to remove after their run). The engine's calls block, so they run on a pool of their own; the
 * requests have no request timeout, since {@code stop -t 60}, {@code wait} and {@code load} may take long.
 */
public final class NodeEndpoints extends AllDirectives {
    private final Route route;
    private final ExecutorService executor;

    private NodeEndpoints(Route route, ExecutorService executor) {
        this.route = route;
        this.executor = executor;
    }

    public static NodeEndpoints create(ActorSystem<?> system, EnginePort engine, ImageTransfer transfer, Path stateDir) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "node-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Materializer materializer = Materializer.matFromSystem(system);
        Blocking blocking = new Blocking(executor);
        ContainerEvents events = new ContainerEvents();
        AutoRemover autoRemover = new AutoRemover(engine, events, stateDir.resolve("autoremove"), executor);
        autoRemover.resume();
        ContainerStreams streams = new ContainerStreams(engine, events, blocking, materializer);
        NodeEndpoints self = new NodeEndpoints(null, executor);
        // built once: the javadsl calls a directive's inner supplier on every request
        Route routes = self.concat(
                new ContainerRoutes(engine, events, autoRemover, streams, blocking, Clock.systemUTC()).route(),
                new ExecRoutes(engine, blocking).route(materializer),
                new ImageRoutes(engine, transfer, blocking, materializer).route(),
                new VolumeRoutes(engine, blocking).route());
        Route all = self.withoutRequestTimeout(() -> routes);
        return new NodeEndpoints(all, executor);
    }

    /**
     * For a node whose engine could not be opened: every container, image, volume and exec request is a 503 that
     * says so, instead of a 404 for a path the API does have.
     */
    public static List<Route> unavailable(String reason) {
        NodeEndpoints d = new NodeEndpoints(null, null);
        Route[] each = List.of("containers", "images", "volumes", "exec").stream()
                .map(p -> d.pathPrefix(p, () -> d.complete(Blocking.error(503,
                        "containers are not available on this node: its engine could not be opened: " + reason))))
                .toArray(Route[]::new);
        return List.of(d.concat(each[0], java.util.Arrays.copyOfRange(each, 1, each.length)));
    }

    /** The routes to pass to {@code DockerApi} as its node endpoints. */
    public List<Route> routes() {
        return List.of(route);
    }

    /** Stops the pool; the engine's containers are not touched. */
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
