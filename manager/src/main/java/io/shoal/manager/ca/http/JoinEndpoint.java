package io.shoal.manager.ca.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.ConnectionContext;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.TlsSessionInfo;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.shoal.api.error.ApiException;
import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.model.Node;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.manager.ca.JoinService;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.StateSnapshot;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** The managers' HTTPS join and renewal endpoint (see the package documentation). */
public final class JoinEndpoint extends AllDirectives {
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).findAndRegisterModules();

    private final ClusterClient cluster;
    private final JoinService service;

    public JoinEndpoint(ClusterClient cluster, JoinService service) {
        this.cluster = cluster;
        this.service = service;
    }

    /** Binds the endpoint with TLS from {@code tls}; client certificates are requested but only {@code /renew} needs one. */
    public static CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port, SSLContext tls, Route route) {
        return Http.get(system).newServerAt(host, port).enableHttps(ConnectionContext.httpsServer(() -> {
            SSLEngine engine = tls.createSSLEngine();
            engine.setUseClientMode(false);
            engine.setWantClientAuth(true);
            return engine;
        })).bind(route);
    }

    public Route route() {
        return handleExceptions(akka.http.javadsl.server.ExceptionHandler.newBuilder()
                .match(Throwable.class, t -> complete(error(t))).build(), () -> concat(
                path("ca", () -> get(() -> completeWithFuture(cluster.read().thenApply(s ->
                        HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, security(s).caCertificatePem()))))),
                path("join", () -> post(() -> entity(Unmarshaller.entityToString(), this::join))),
                path("renew", () -> post(() -> headerValueByType(TlsSessionInfo.class, tls ->
                        entity(Unmarshaller.entityToString(), body -> renew(tls, body)))))));
    }

    private Route join(String body) {
        JoinService.JoinRequest req = read(body, JoinService.JoinRequest.class);
        CompletionStage<HttpResponse> done = cluster.read().thenCompose(s -> {
            ClusterSecurity sec = security(s);
            JoinService.Admission a = service.admit(sec, req);
            Instant now = Instant.now();
            Node.Description d = req.description();
            String addr = req.addr();
            Node joining = new Node(req.nodeId(), null, now, now, null, d, new Node.Status("ready", null, addr),
                    new Node.ManagerStatus(false, "reachable", addr));
            return cluster.<Node>command(r -> new ClusterState.AdmitNode(joining, a.role(), r))
                    .thenApply(n -> json(grant(s, sec, a.role(), a.certificate())));
        });
        return completeWithFuture(done.exceptionally(JoinEndpoint::error));
    }

    private Route renew(TlsSessionInfo tls, String body) {
        X509Certificate peer;
        try {
            peer = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        } catch (RuntimeException | javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new ApiException(401, "renewal needs the node's current certificate (TLS client authentication)");
        }
        JoinService.RenewRequest req = read(body, JoinService.RenewRequest.class);
        CompletionStage<HttpResponse> done = cluster.read().thenApply(s -> {
            ClusterSecurity sec = security(s);
            CertificateSubject who = NodeCertificateCheck.verify(peer, sec);
            Node n = s.nodes().stream().filter(x -> x.id().equals(who.nodeId())).findFirst()
                    .orElseThrow(() -> new ApiException(403, "node " + who.nodeId() + " is no longer part of the swarm"));
            NodeRole role = NodeRole.fromApiName(n.spec().role());
            return json(grant(s, sec, role, service.renew(sec, req.csr(), who.nodeId(), role)));
        });
        return completeWithFuture(done.exceptionally(JoinEndpoint::error));
    }

    private static JoinService.JoinGrant grant(StateSnapshot s, ClusterSecurity sec, NodeRole role, X509Certificate cert) {
        List<String> managers = s.nodes().stream().filter(n -> "manager".equals(n.spec().role()) && n.managerStatus() != null
                && n.managerStatus().addr() != null).map(n -> n.managerStatus().addr()).toList();
        return new JoinService.JoinGrant(JoinService.pem(cert), sec.caCertificatePem(), role.apiName(), s.swarm().id(), managers);
    }

    private static ClusterSecurity security(StateSnapshot s) {
        if (s.swarm() == null || s.security() == null) {
            throw new ApiException(503, "this node is not a swarm manager with a cluster CA");
        }
        return s.security();
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "join request: invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static HttpResponse json(Object body) {
        try {
            return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, JSON.writeValueAsString(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse error(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        int status = c instanceof ApiException a ? a.status() : 500;
        String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        try {
            return HttpResponse.create().withStatus(StatusCodes.get(status))
                    .withEntity(ContentTypes.APPLICATION_JSON, JSON.writeValueAsString(Map.of("message", message)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
