package io.shoal.deploy.transport;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shoal.api.identity.NodeCertificates;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.Pem;
import io.shoal.manager.ca.ClusterCa;
import io.shoal.worker.join.CertificateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artery over mutual TLS with CA-issued ECDSA certificates: two nodes of one CA form a cluster over
 * loopback; a node whose certificate comes from another CA (even one claiming the same cluster id)
 * can neither join nor deliver a message.
 */
class ClusterTlsTransportTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<ActorTestKit> kits = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        // The impostor's TLS stage can hang on a handshake its peer refused; its system is left to
        // the JVM's exit rather than failing a test whose assertions all passed.
        kits.forEach(kit -> ActorTestKit.shutdown(kit.system(), Duration.ofSeconds(20), false));
    }

    @Test
    void nodesOfTheClusterCaFormAClusterAndAStrangerIsKeptOut() throws Exception {
        ClusterCa ca = ClusterCa.create("cluster1", Duration.ofDays(365), Clock.systemUTC(), RANDOM);
        ClusterCa impostor = ClusterCa.create("cluster1", Duration.ofDays(365), Clock.systemUTC(), RANDOM);
        ActorTestKit a = node("a", ca, NodeRole.MANAGER);
        ActorTestKit b = node("b", ca, NodeRole.WORKER);
        ActorTestKit c = node("c", impostor, NodeRole.MANAGER);

        // An actor on a that records whatever reaches it, and its address as the others see it.
        TestProbe<String> inbox = a.createTestProbe();
        ActorRef<String> relay = a.spawn(Behaviors.receiveMessage(m -> {
            inbox.ref().tell(m);
            return Behaviors.same();
        }), "relay");
        String relayPath = relay.path().toStringWithAddress(Cluster.get(a.system()).selfMember().address());

        Cluster.get(a.system()).manager().tell(Join.create(Cluster.get(a.system()).selfMember().address()));
        Cluster.get(c.system()).manager().tell(Join.create(Cluster.get(a.system()).selfMember().address()));
        tell(c, relayPath, "from the impostor");
        Cluster.get(b.system()).manager().tell(Join.create(Cluster.get(a.system()).selfMember().address()));
        tell(b, relayPath, "from b");

        TestProbe<Void> wait = b.createTestProbe();
        wait.awaitAssert(Duration.ofSeconds(30), () -> {
            assertThat(upMembers(a)).containsExactlyInAnyOrder("a", "b");
            assertThat(upMembers(b)).containsExactlyInAnyOrder("a", "b");
            return null;
        });
        assertThat(inbox.receiveMessage(Duration.ofSeconds(30))).isEqualTo("from b");
        tell(c, relayPath, "from the impostor, again");
        inbox.expectNoMessage(Duration.ofSeconds(3));
        assertThat(Cluster.get(c.system()).selfMember().status()).isNotEqualTo(MemberStatus.up());
        assertThat(upMembers(a)).doesNotContain("c");
    }

    @Test
    void aRenewedCertificateIsPickedUpWithoutARestart() throws Exception {
        ClusterCa ca = ClusterCa.create("cluster2", Duration.ofDays(365), Clock.systemUTC(), RANDOM);
        Path certs = dir.resolve("renew");
        CertificateStore store = new CertificateStore(new NodeCertificates(certs));
        issue(store, ca, "n1", NodeRole.WORKER);
        ClusterTlsEngineProvider provider = new ClusterTlsEngineProvider(store.files());
        var first = provider.current();
        assertThat(provider.current()).isSameAs(first);
        Thread.sleep(10); // file times must differ from the first write's
        issue(store, ca, "n1", NodeRole.MANAGER);
        Files.setLastModifiedTime(store.files().certificate(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000));
        assertThat(provider.current()).isNotSameAs(first);
    }

    private static void tell(ActorTestKit from, String path, String message) {
        from.system().classicSystem().actorSelection(path).tell(message, akka.actor.ActorRef.noSender());
    }

    private static List<String> upMembers(ActorTestKit kit) {
        List<String> out = new ArrayList<>();
        Cluster.get(kit.system()).state().getMembers().forEach(m -> {
            if (m.status() == MemberStatus.up()) {
                out.add(m.getRoles().stream().filter(r -> r.startsWith("name-")).findFirst().orElse("?").substring(5));
            }
        });
        return out;
    }

    private ActorTestKit node(String name, ClusterCa ca, NodeRole role) throws Exception {
        CertificateStore store = new CertificateStore(new NodeCertificates(dir.resolve(name)));
        issue(store, ca, name, role);
        Config config = ConfigFactory.parseString("""
                akka.actor.provider = cluster
                akka.remote.artery.transport = tls-tcp
                akka.remote.artery.canonical.hostname = 127.0.0.1
                akka.remote.artery.canonical.port = 0
                akka.remote.artery.ssl.ssl-engine-provider = io.shoal.deploy.transport.ClusterTlsEngineProvider
                akka.cluster.jmx.multi-mbeans-in-same-jvm = on
                akka.cluster.roles = ["name-%s"]
                akka.loglevel = WARNING
                shoal.transport.certificates-dir = "%s"
                """.formatted(name, store.files().directory())).withFallback(ConfigFactory.load());
        ActorTestKit kit = ActorTestKit.create("shoal", config);
        kits.add(kit);
        return kit;
    }

    private static void issue(CertificateStore store, ClusterCa ca, String nodeId, NodeRole role) throws Exception {
        KeyPair pair = ClusterCa.newKeyPair(RANDOM);
        store.store(Pem.privateKey(pair.getPrivate()),
                Pem.certificate(ca.issue(pair.getPublic(), nodeId, role, Duration.ofDays(1))), ca.certificatePem());
    }
}
