package io.shoal.deploy.membership;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.ServerBinding;
import io.shoal.api.identity.NodeCertificates;
import io.shoal.api.identity.NodeTls;
import io.shoal.deploy.config.DaemonSettings;
import io.shoal.manager.ca.CaSettings;
import io.shoal.manager.ca.JoinService;
import io.shoal.manager.ca.http.JoinEndpoint;
import io.shoal.manager.http.ClusterClient;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** The join endpoint on a manager: HTTPS with the manager's own certificate on the cluster port + offset. */
final class JoinPort {
    private JoinPort() {}

    static int port(DaemonSettings settings, CaSettings ca) {
        return settings.clusterAddr().port() + ca.joinPortOffset();
    }

    static CompletionStage<ServerBinding> bind(ActorSystem<?> system, DaemonSettings settings, CaSettings ca,
                                               NodeCertificates certs, ClusterClient cluster) throws IOException {
        SecureRandom random = new SecureRandom();
        var tls = NodeTls.context(Files.readString(certs.key()), Files.readString(certs.certificate()), Files.readString(certs.ca()), random);
        JoinEndpoint endpoint = new JoinEndpoint(cluster, new JoinService(ca, Clock.systemUTC(), random));
        return JoinEndpoint.bind(system, settings.clusterAddr().host(), port(settings, ca), tls, endpoint.route());
    }
}
