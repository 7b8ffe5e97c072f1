package io.shoal.manager.http.docker;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.api.identity.Pem;
import io.shoal.api.model.Swarm;
import io.shoal.manager.ca.CaSettings;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.manager.ca.LocalMembership;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.StateSnapshot;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The swarm's membership endpoints: {@code GET /swarm} with its join tokens and TLS info, {@code POST
 * /swarm/join}, {@code /swarm/leave?force=} and {@code /swarm/update?rotateWorkerToken=&rotateManagerToken=}
 * (token rotation; the rest of the spec is accepted and not acted on yet), and the CA installed right
 * after {@code /swarm/init}.
 */
final class SwarmRoutes extends AllDirectives {
    private final ClusterClient cluster;
    private final DaemonInfo daemon;
    private final LocalMembership membership;
    private final SecureRandom random = new SecureRandom();

    SwarmRoutes(ClusterClient cluster, DaemonInfo daemon, LocalMembership membership) {
        this.cluster = cluster;
        this.daemon = daemon;
        this.membership = membership;
    }

    static final String WORKER_NODE = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. "
            + "Please run this command on a manager node or promote the current node to a manager.";

    Route route() {
        Optional<LocalMembership.WorkerMembership> worker = membership.asWorker();
        return worker.isPresent() ? concat(workerRoutes(worker.get()), swarmRoutes()) : swarmRoutes();
    }

    /**
     * On a worker the cluster state lives on the managers: {@code /info} answers from this node's membership,
     * and the cluster's objects are refused as dockerd refuses them on a worker.
     */
    private Route workerRoutes(LocalMembership.WorkerMembership w) {
        akka.http.javadsl.model.HttpResponse pong = akka.http.javadsl.model.HttpResponse.create()
                .withEntity(akka.http.javadsl.model.ContentTypes.TEXT_PLAIN_UTF8, "OK")
                .addHeader(akka.http.javadsl.model.headers.RawHeader.create("Swarm", "active/worker"));
        return concat(
                path("_ping", () -> concat(get(() -> complete(pong)), head(() -> complete(pong)))),
                path("info", () -> get(() -> complete(Responses.json(200, workerInfo(w))))),
                pathPrefix("swarm", () -> pathEnd(() -> complete(Responses.error(503, WORKER_NODE)))),
                pathPrefix("services", () -> complete(Responses.error(503, WORKER_NODE))),
                pathPrefix("tasks", () -> complete(Responses.error(503, WORKER_NODE))),
                pathPrefix("nodes", () -> complete(Responses.error(503, WORKER_NODE))));
    }

    private ObjectNode workerInfo(LocalMembership.WorkerMembership w) {
        ObjectNode info = Views.info(daemon, new StateSnapshot(null, 0, List.of(), List.of(), List.of()));
        ObjectNode swarm = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("NodeID", daemon.nodeId()).put("NodeAddr", daemon.advertiseAddr()).put("LocalNodeState", "active")
                .put("ControlAvailable", false).put("Error", "");
        var managers = swarm.putArray("RemoteManagers");
        w.managers().forEach(m -> managers.addObject().put("NodeID", "").put("Addr", m));
        info.set("Swarm", swarm);
        return info;
    }

    private Route swarmRoutes() {
        return pathPrefix("swarm", () -> concat(
                pathEnd(() -> get(() -> completeWithFuture(Responses.of(cluster.read(), this::inspect)))),
                path("join", () -> post(() -> entity(Unmarshaller.entityToString(), this::join))),
                path("leave", () -> post(() -> parameterOptional("force",
                        force -> completeWithFuture(Responses.of(membership.leave(force.map(Boolean::parseBoolean).orElse(false)), x -> null))))),
                path("update", () -> post(() -> parameterOptional("version", version -> parameterOptional("rotateWorkerToken",
                        worker -> parameterOptional("rotateManagerToken", manager -> entity(Unmarshaller.entityToString(),
                                body -> update(version, body, flag(worker), flag(manager))))))))));
    }

    /** After {@code InitSwarm}: the cluster CA and join secrets, then this node's own manager certificate. */
    CompletionStage<Swarm> secure(Swarm swarm) {
        ClusterSecurity security = ClusterSecurity.create(swarm.id(), CaSettings.defaults(), Clock.systemUTC(), random);
        return cluster.<ClusterSecurity>command(r -> new ClusterState.UpdateSecurity(security, true, r))
                .thenCompose(installed -> membership.initialized(swarm.id(), installed))
                .thenApply(x -> swarm);
    }

    private ObjectNode inspect(StateSnapshot s) {
        ObjectNode n = Views.swarm(Lookup.requireSwarm(s).swarm(), true);
        if (s.security() != null) {
            X509Certificate ca = Pem.certificate(s.security().caCertificatePem(), "cluster CA");
            n.set("TLSInfo", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TrustRoot", s.security().caCertificatePem())
                    .put("CertIssuerSubject", Base64.getEncoder().encodeToString(ca.getSubjectX500Principal().getEncoded()))
                    .put("CertIssuerPublicKey", Base64.getEncoder().encodeToString(ca.getPublicKey().getEncoded())));
        }
        return n;
    }

    private Route join(String body) {
        JoinRequest req = DockerJson.read(body, JoinRequest.class);
        if (req.joinToken() == null || req.joinToken().isBlank()) {
            throw ApiException.badRequest("JoinToken is required");
        }
        if (req.remoteAddrs() == null || req.remoteAddrs().isEmpty()) {
            throw ApiException.badRequest("RemoteAddrs: at least one manager address is required");
        }
        LocalMembership.JoinSpec spec = new LocalMembership.JoinSpec(req.remoteAddrs(), req.joinToken().strip(), req.listenAddr(),
                req.advertiseAddr());
        return completeWithFuture(Responses.of(membership.join(spec), x -> null));
    }

    /** The spec first (checked against {@code version}), then any token rotation. */
    private Route update(Optional<String> version, String body, boolean worker, boolean manager) {
        long v = version.map(ServiceRoutes::parseVersion)
                .orElseThrow(() -> ApiException.badRequest("the version query parameter is required: pass the swarm's current Version.Index"));
        Swarm.Spec spec = SystemRoutes.updateSpec(body.isBlank() ? null : DockerJson.read(body, ObjectNode.class));
        CompletionStage<Object> done = cluster.<Swarm>command(r -> new ClusterState.UpdateSwarm(v, spec, r)).thenCompose(sw -> cluster.read()).thenCompose(s -> {
            if (!worker && !manager) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            if (s.security() == null) {
                throw new ApiException(503, "the swarm has no cluster CA to rotate tokens for");
            }
            ClusterSecurity next = s.security().rotate(worker, manager, random);
            return cluster.<ClusterSecurity>command(r -> new ClusterState.UpdateSecurity(next, false, r)).thenApply(x -> null);
        });
        return completeWithFuture(Responses.of(done, x -> null));
    }

    private static boolean flag(Optional<String> v) {
        return v.map(x -> x.equals("1") || Boolean.parseBoolean(x)).orElse(false);
    }

    /** The body of {@code POST /swarm/join}. */
    record JoinRequest(String listenAddr, String advertiseAddr, String dataPathAddr, List<String> remoteAddrs, String joinToken,
                       String availability) {}
}
