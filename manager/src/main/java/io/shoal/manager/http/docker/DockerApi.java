package io.shoal.manager.http.docker;

import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.PathMatchers;
import io.shoal.manager.http.ApiErrors;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.ca.LocalMembership;
import io.shoal.manager.logs.TaskLogs;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Docker Engine API as Shoal serves it: every route with or without a {@code /v1.NN} prefix, Docker's
 * version negotiation and response headers, and every failure as {@code {"message": …}}.
 */
public final class DockerApi extends AllDirectives {
    private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+)");
    private final SystemRoutes system;
    private final SwarmRoutes swarm;
    private final ServiceRoutes services;
    private final TaskRoutes tasks;
    private final LogRoutes logs;
    private final NodeRoutes nodes;
    private final NetworkRoutes networks;
    private final DaemonInfo daemon;
    private final List<Route> nodeEndpoints;

    public DockerApi(ClusterClient cluster, DaemonInfo daemon) {
        this(cluster, daemon, List.of());
    }

    /**
     * @param nodeEndpoints this host's own endpoints (containers, images, volumes, exec from the node engine),
     *     served under the same version prefix and error handling as the cluster's
     */
    public DockerApi(ClusterClient cluster, DaemonInfo daemon, List<Route> nodeEndpoints) {
        this(cluster, daemon, nodeEndpoints, LocalMembership.UNSUPPORTED);
    }

    /** @param membership this daemon's side of swarm init, join and leave */
    public DockerApi(ClusterClient cluster, DaemonInfo daemon, List<Route> nodeEndpoints, LocalMembership membership) {
        this(cluster, daemon, nodeEndpoints, membership, null);
    }

    /** @param taskLogs where service and task logs come from (null: those routes answer 501) */
    public DockerApi(ClusterClient cluster, DaemonInfo daemon, List<Route> nodeEndpoints, LocalMembership membership,
                     TaskLogs taskLogs) {
        this.daemon = daemon;
        this.logs = new LogRoutes(cluster, taskLogs, java.time.Clock.systemUTC());
        this.swarm = new SwarmRoutes(cluster, daemon, membership);
        this.nodeEndpoints = List.copyOf(nodeEndpoints);
        this.system = new SystemRoutes(cluster, daemon, swarm::secure);
        this.services = new ServiceRoutes(cluster);
        this.tasks = new TaskRoutes(cluster);
        this.nodes = new NodeRoutes(cluster);
        this.networks = new NetworkRoutes(cluster);
    }

    public Route route() {
        List<HttpHeader> headers = List.of(RawHeader.create("Api-Version", DaemonInfo.API_VERSION),
                RawHeader.create("Docker-Experimental", "false"), RawHeader.create("Ostype", "linux"));
        return respondWithHeaders(headers, () -> handleExceptions(errors(), () -> handleRejections(rejections(),
                () -> concat(
                        pathPrefix(PathMatchers.segment(VERSION), v -> checked(v, this::endpoints)),
                        endpoints()))));
    }

    private Route checked(String version, java.util.function.Supplier<Route> inner) {
        String message = Versions.check(version);
        return message == null ? inner.get() : complete(ApiErrors.response(400, message));
    }

    private Route endpoints() {
        Route cluster = concat(swarm.route(), system.route(), logs.route(), services.route(), tasks.route(), nodes.route(), networks.route());
        return nodeEndpoints.isEmpty() ? cluster : concat(cluster, nodeEndpoints.toArray(Route[]::new));
    }

    private static ExceptionHandler errors() {
        return ExceptionHandler.newBuilder().match(Throwable.class, t -> Directives.completeWith(ApiErrors.response(t))).build();
    }

    private static RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handleNotFound(Directives.completeWith(ApiErrors.response(404, "page not found")))
                .handleAll(akka.http.javadsl.server.MethodRejection.class,
                        r -> Directives.completeWith(ApiErrors.response(405, "method not allowed: this path accepts " + r.get(0).supported().name())))
                .handleAll(akka.http.javadsl.server.Rejection.class,
                        r -> Directives.completeWith(ApiErrors.response(400, "bad request: " + r.get(0))))
                .build();
    }

    /** Static access to completion directives for the handlers above. */
    private static final class Directives extends AllDirectives {
        private static final Directives INSTANCE = new Directives();

        static Route completeWith(akka.http.javadsl.model.HttpResponse r) {
            return INSTANCE.complete(r);
        }
    }
}
