package io.shoal.deploy.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.http.javadsl.ServerBinding;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.NodeCertificates;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.NodeTls;
import io.shoal.api.identity.Pem;
import io.shoal.api.model.Node;
import io.shoal.api.model.Swarm;
import io.shoal.manager.ca.CaSettings;
import io.shoal.manager.ca.ClusterCa;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.manager.ca.JoinService;
import io.shoal.manager.ca.http.JoinEndpoint;
import io.shoal.manager.http.ClusterClient;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.ClusterStateSettings;
import io.shoal.manager.state.IdGenerator;
import io.shoal.manager.state.StateView;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.worker.join.CertificateStore;
import io.shoal.worker.join.JoinClient;
import io.shoal.worker.join.RenewalClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join protocol end to end on loopback: a manager's HTTPS join endpoint over the real cluster state,
 * and the joining node's token-pinned client. A valid token yields a stored certificate with the token's
 * role; a wrong secret, a rotated token and a token for another CA are refused with a reason, and nothing
 * is stored; renewal works with the node's certificate and is refused without one.
 */
class JoinProtocolTest {
    static final SecureRandom RANDOM = new SecureRandom();
    static final ActorTestKit KIT = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config()
            .withFallback(ConfigFactory.parseString("akka.http.server.parsing.tls-session-info-header = on"))
            .withFallback(ConfigFactory.load()));
    static ClusterClient cluster;
    static ServerBinding binding;
    static String joinAddr;
    static ClusterSecurity security;

    @TempDir
    Path dir;

    @BeforeAll
    static void manager() throws Exception {
        StateView view = new StateView();
        ActorRef<ClusterState.Command> state = KIT.spawn(ClusterState.create("join-protocol",
                new ClusterStateSettings(Duration.ofMinutes(10), 5, 1000), view, Clock.systemUTC(), IdGenerator.random(RANDOM)));
        cluster = new ClusterClient(state, view, KIT.system().scheduler(), Duration.ofSeconds(10));
        Swarm swarm = cluster.<Swarm>command(r -> new ClusterState.InitSwarm(Nodes.manager("mgr1"), r)).toCompletableFuture().get();
        ClusterCa ca = ClusterCa.create(swarm.id(), Duration.ofDays(365), Clock.systemUTC(), RANDOM);
        security = cluster.<ClusterSecurity>command(r -> new ClusterState.UpdateSecurity(ClusterSecurity.of(ca, RANDOM), true, r))
                .toCompletableFuture().get();
        KeyPair pair = ClusterCa.newKeyPair(RANDOM);
        var tls = NodeTls.context(Pem.privateKey(pair.getPrivate()),
                Pem.certificate(ca.issue(pair.getPublic(), "mgr1", NodeRole.MANAGER, Duration.ofDays(1))), ca.certificatePem(), RANDOM);
        JoinEndpoint endpoint = new JoinEndpoint(cluster, new JoinService(CaSettings.defaults(), Clock.systemUTC(), RANDOM));
        binding = JoinEndpoint.bind(KIT.system(), "127.0.0.1", 0, tls, endpoint.route()).toCompletableFuture().get();
        joinAddr = "127.0.0.1:" + binding.localAddress().getPort();
    }

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static JoinClient client() {
        return new JoinClient(RANDOM, Duration.ofSeconds(20));
    }

    @Test
    void aWorkerTokenGrantsAWorkerCertificateAndAdmitsTheNode() throws Exception {
        JoinClient.Joined joined = client().join(joinAddr, security.token(NodeRole.WORKER).toString(), "worker1",
                Nodes.ready("worker1").description(), "10.0.0.2");

        assertThat(joined.role()).isEqualTo(NodeRole.WORKER);
        X509Certificate cert = Pem.certificate(joined.certificatePem(), "granted");
        assertThat(CertificateSubject.of(cert)).isEqualTo(new CertificateSubject("worker1", NodeRole.WORKER, joined.clusterId()));
        Node node = cluster.read().toCompletableFuture().get().nodes().stream().filter(n -> n.id().equals("worker1")).findFirst().orElseThrow();
        assertThat(node.spec().role()).isEqualTo("worker");
        assertThat(node.status().addr()).isEqualTo("10.0.0.2");

        CertificateStore store = new CertificateStore(NodeCertificates.under(dir));
        store.store(joined.keyPem(), joined.certificatePem(), joined.caPem());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.files().key()))).isEqualTo("rw-------");

        X509Certificate renewed = new RenewalClient(store, RANDOM, Duration.ofSeconds(20)).renew(joinAddr);
        assertThat(renewed.getSerialNumber()).isNotEqualTo(cert.getSerialNumber());
        assertThat(CertificateSubject.of(renewed).nodeId()).isEqualTo("worker1");
        assertThat(Files.readString(store.files().certificate())).isEqualTo(Pem.certificate(renewed));
    }

    @Test
    void aManagerTokenGrantsTheManagerRole() throws Exception {
        JoinClient.Joined joined = client().join(joinAddr, security.token(NodeRole.MANAGER).toString(), "manager2",
                Nodes.ready("manager2").description(), "10.0.0.3");
        assertThat(joined.role()).isEqualTo(NodeRole.MANAGER);
        assertThat(joined.managers()).isNotNull();
    }

    @Test
    void aWrongSecretIsRefusedAndAdmitsNobody() throws Exception {
        String wrong = security.token(NodeRole.WORKER).caDigest();
        String token = "SWMTKN-1-" + wrong + "-" + io.shoal.api.identity.JoinToken.randomSecret(new Random(1));
        assertThatThrownBy(() -> client().join(joinAddr, token, "intruder", Nodes.ready("intruder").description(), "10.0.0.9"))
                .isInstanceOf(JoinClient.JoinFailure.class)
                .hasMessage("the manager at " + joinAddr + " refused the join: invalid join token: the secret is not valid "
                        + "(the token may have been rotated)");
        assertThat(cluster.read().toCompletableFuture().get().nodes()).noneMatch(n -> n.id().equals("intruder"));
    }

    @Test
    void aTokenForAnotherCaIsRefusedBeforeAnythingIsSent() {
        ClusterSecurity other = ClusterSecurity.of(ClusterCa.create("other", Duration.ofDays(30), Clock.systemUTC(), RANDOM), RANDOM);
        assertThatThrownBy(() -> client().join(joinAddr, other.token(NodeRole.MANAGER).toString(), "stray",
                Nodes.ready("stray").description(), "10.0.0.8"))
                .isInstanceOf(JoinClient.JoinFailure.class)
                .hasMessageStartingWith("cannot trust the manager at " + joinAddr)
                .hasMessageContaining("does not match the join token's CA digest");
    }

    @Test
    void aRotatedTokenStopsWorking() throws Exception {
        ClusterSecurity before = cluster.read().toCompletableFuture().get().security();
        String old = before.token(NodeRole.MANAGER).toString();
        ClusterSecurity rotated = before.rotate(false, true, RANDOM);
        cluster.<ClusterSecurity>command(r -> new ClusterState.UpdateSecurity(rotated, false, r)).toCompletableFuture().get();
        try {
            assertThatThrownBy(() -> client().join(joinAddr, old, "late", Nodes.ready("late").description(), "10.0.0.7"))
                    .hasMessageContaining("the token may have been rotated");
            assertThat(client().join(joinAddr, rotated.token(NodeRole.MANAGER).toString(), "late",
                    Nodes.ready("late").description(), "10.0.0.7").role()).isEqualTo(NodeRole.MANAGER);
        } finally {
            cluster.<ClusterSecurity>command(r -> new ClusterState.UpdateSecurity(before, false, r)).toCompletableFuture().get();
        }
    }

    @Test
    void renewalWithoutAClientCertificateIsRefused() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().sslContext(trustAll()).build();
        var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://" + joinAddr + "/renew"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"Csr\":\"x\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(resp.body()).contains("renewal needs the node's current certificate");
    }

    private static javax.net.ssl.SSLContext trustAll() throws Exception {
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509ExtendedTrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) {}
            public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) {}
            public void checkClientTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {}
            public void checkServerTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {}
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, RANDOM);
        return ctx;
    }
}
