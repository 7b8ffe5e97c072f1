package io.shoal.manager.http.docker;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.error.ApiException;
import io.shoal.api.identity.Pem;
import io.shoal.api.model.Swarm;
import io.shoal.manager.ca.CaSettings;
import io.shoal.manager.ca.ClusterCa;
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

    Route route() {
        return pathPrefix("swarm", () -> concat(
                pathEnd(() -> get(() -> completeWithFuture(Responses.of(cluster.read(), this::inspect)))),
                path("join", () -> post(() -> entity(Unmarshaller.entityToString(), this::join))),
                path("leave", () -> post(() -> parameterOptional("force",
                        force -> completeWithFuture(Responses.of(membership.leave(force.map(Boolean::parseBoolean).orElse(false)), x -> null))))),
                path("update", () -> post(() -> parameterOptional("version", version -> parameterOptional("rotateWorkerToken",
                        worker -> parameterOptional("rotateManagerToken", manager -> entity(Unmarshaller.entityToString(),
                                body -> update(version, flag(worker), flag(manager))))))))));
    }

    /** After {@code InitSwarm}: the cluster CA and join secrets, then this node's own manager certificate. */
    CompletionStage<Swarm> secure(Swarm swarm) {
        ClusterSecurity security = ClusterSecurity.of(ClusterCa.create(swarm.id(), CaSettings.defaults().rootValidity(),
                Clock.systemUTC(), random), random);
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

    private Route update(Optional<String> version, boolean worker, boolean manager) {
        long v = version.map(ServiceRoutes::parseVersion)
                .orElseThrow(() -> ApiException.badRequest("the version query parameter is required: pass the swarm's current Version.Index"));
        CompletionStage<Object> done = cluster.read().thenCompose(s -> {
            Swarm sw = Lookup.requireSwarm(s).swarm();
            if (sw.version().index() != v) {
                throw new ApiException(409, "update out of sequence: the swarm is at version " + sw.version().index()
                        + ", the update was based on version " + v);
            }
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
