package io.shoal.manager.http.docker;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.model.Node;
import io.shoal.api.model.Swarm;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.StateSnapshot;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code /_ping}, {@code /version}, {@code /info} and {@code /swarm/init} (the rest of {@code /swarm} is {@link SwarmRoutes}). */
final class SystemRoutes extends AllDirectives {
    private final ClusterClient cluster;
    private final DaemonInfo daemon;

    private final java.util.function.Function<Swarm, CompletionStage<Swarm>> afterInit;

    SystemRoutes(ClusterClient cluster, DaemonInfo daemon) {
        this(cluster, daemon, CompletableFuture::completedFuture);
    }

    /** @param afterInit what follows a successful init before the reply (the cluster CA, see {@link SwarmRoutes#secure}) */
    SystemRoutes(ClusterClient cluster, DaemonInfo daemon, java.util.function.Function<Swarm, CompletionStage<Swarm>> afterInit) {
        this.cluster = cluster;
        this.daemon = daemon;
        this.afterInit = afterInit;
    }

    Route route() {
        return concat(
                path("_ping", () -> concat(get(this::ping), head(this::ping))),
                path("version", () -> get(() -> complete(Responses.json(200, Views.version(daemon))))),
                path("info", () -> get(() -> completeWithFuture(Responses.of(cluster.read(), s -> Views.info(daemon, s))))),
                path(akka.http.javadsl.server.PathMatchers.segment("swarm").slash("init"),
                        () -> post(() -> entity(Unmarshaller.entityToString(), this::init))));
    }

    private Route ping() {
        return onComplete(cluster.read(), s -> {
            boolean active = s.isSuccess() && s.get().swarm() != null;
            return respondWithHeader(RawHeader.create("Swarm", active ? "active/manager" : "inactive"),
                    () -> complete(HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, "OK")
                            .addHeader(RawHeader.create("Cache-Control", "no-cache, no-store, must-revalidate"))
                            .addHeader(RawHeader.create("Pragma", "no-cache"))));
        });
    }

    /** {@code POST /swarm/init}; {@link SwarmRoutes} serves it first when the daemon has a CA to install. */
    Route init(String body) {
        InitRequest req = DockerJson.read(body, InitRequest.class);
        String addr = req.advertiseAddr() == null || req.advertiseAddr().isBlank() ? daemon.advertiseAddr()
                : req.advertiseAddr().replaceFirst(":\\d+$", "");
        Instant now = Instant.now();
        Node local = new Node(daemon.nodeId(), null, now, now, new Node.Spec(null, null, "manager", "active"),
                daemon.description(), new Node.Status("ready", null, addr),
                new Node.ManagerStatus(true, "reachable", addr + ":" + daemon.clusterPort()));
        Long historyLimit = historyLimit(req.spec());
        Long heartbeat = integer(req.spec(), "Dispatcher", "HeartbeatPeriod");
        CompletionStage<Swarm> done = cluster.<Swarm>command(r -> new ClusterState.InitSwarm(local, historyLimit, heartbeat, r))
                .thenCompose(afterInit);
        return completeWithFuture(Responses.of(done, sw -> DockerJson.tree(daemon.nodeId())));
    }

    /** {@code Spec.Orchestration.TaskHistoryRetentionLimit}, if the body gives one. */
    static Long historyLimit(ObjectNode spec) {
        return integer(spec, "Orchestration", "TaskHistoryRetentionLimit");
    }

    /** {@code Spec.<group>.<field>} as an integer, null when the body has none; anything else is a 400 naming it. */
    static Long integer(ObjectNode spec, String group, String field) {
        com.fasterxml.jackson.databind.JsonNode n = spec == null ? null : spec.path(group).get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw io.shoal.api.error.ApiException.badRequest("Spec." + group + "." + field + ": expected an integer, got " + n);
        }
        return n.asLong();
    }

    /**
     * The parts of a {@code POST /swarm/update} body Shoal applies: Labels, Orchestration.TaskHistoryRetentionLimit
     * and Dispatcher.HeartbeatPeriod (the docker CLI always sends the whole spec, so absent fields keep their values).
     */
    static Swarm.Spec updateSpec(ObjectNode spec) {
        java.util.Map<String, String> labels = new java.util.TreeMap<>();
        com.fasterxml.jackson.databind.JsonNode l = spec == null ? null : spec.get("Labels");
        if (l != null && !l.isNull()) {
            if (!l.isObject()) {
                throw io.shoal.api.error.ApiException.badRequest("Spec.Labels: expected an object of strings, got " + l);
            }
            l.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw io.shoal.api.error.ApiException.badRequest("Spec.Labels." + e.getKey() + ": expected a string, got " + e.getValue());
                }
                labels.put(e.getKey(), e.getValue().asText());
            });
        }
        return new Swarm.Spec(null, labels, historyLimit(spec), integer(spec, "Dispatcher", "HeartbeatPeriod"));
    }

    /** The body of {@code POST /swarm/init}; Shoal uses the advertise address and keeps the rest for later issues. */
    record InitRequest(String listenAddr, String advertiseAddr, String dataPathAddr, Integer dataPathPort,
                       java.util.List<String> defaultAddrPool, Boolean forceNewCluster, Integer subnetSize,
                       ObjectNode spec, Boolean autoLockManagers, String availability) {}
}
