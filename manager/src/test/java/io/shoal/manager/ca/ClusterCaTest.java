package io.shoal.manager.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.JoinToken;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.Pem;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class ClusterCaTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();
    private final ClusterCa ca = ClusterCa.create("cluster1", Duration.ofDays(3650), CLOCK, random);

    @Test
    void rootIsASelfSignedP256CaForTheCluster() throws Exception {
        X509Certificate root = ca.certificate();
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(root.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(root.getSigAlgName()).isEqualTo("SHA256withECDSA");
        root.verify(root.getPublicKey());
        assertThat(ca.clusterId()).isEqualTo("cluster1");
        assertThat(ca.digest()).isEqualTo(JoinToken.digestOf(root.getEncoded()));
    }

    @Test
    void issuesFromACsrWithTheCasSubjectAndShortValidity() throws Exception {
        KeyPair pair = ClusterCa.newKeyPair(random);
        X509Certificate cert = ca.issue(csr(pair, "CN=chosen-by-the-node,O=evil"), "node1", NodeRole.WORKER, Duration.ofDays(90));

        assertThat(CertificateSubject.of(cert)).isEqualTo(new CertificateSubject("node1", NodeRole.WORKER, "cluster1"));
        assertThat(cert.getPublicKey()).isEqualTo(pair.getPublic());
        assertThat(cert.getNotAfter()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(90))));
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        validates(cert, ca.certificate());
    }

    @Test
    void survivesAPemRoundTripThroughTheClusterState() {
        ClusterCa loaded = ClusterCa.load(ca.certificatePem(), ca.keyPem(), CLOCK, random);
        X509Certificate cert = loaded.issue(ClusterCa.newKeyPair(random).getPublic(), "node2", NodeRole.MANAGER, Duration.ofDays(1));
        assertThat(loaded.digest()).isEqualTo(ca.digest());
        validates(cert, ca.certificate());
    }

    @Test
    void neverIssuesBeyondTheRootsOwnExpiry() {
        ClusterCa shortLived = ClusterCa.create("c", Duration.ofDays(10), CLOCK, random);
        X509Certificate cert = shortLived.issue(ClusterCa.newKeyPair(random).getPublic(), "n", NodeRole.WORKER, Duration.ofDays(90));
        assertThat(cert.getNotAfter()).isEqualTo(shortLived.certificate().getNotAfter());
    }

    @Test
    void refusesForgedOrGarbledCsrs() throws Exception {
        KeyPair a = ClusterCa.newKeyPair(random);
        KeyPair b = ClusterCa.newKeyPair(random);
        // Signed by b's key but naming a's public key: the CSR's proof of possession fails.
        var forged = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), a.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(b.getPrivate()));
        String pem = Pem.block("CERTIFICATE REQUEST", forged.getEncoded());
        assertThatThrownBy(() -> ca.issue(pem, "n", NodeRole.WORKER, Duration.ofDays(1)))
                .hasMessage("CSR: signature does not match its public key");
        assertThatThrownBy(() -> ca.issue("hello", "n", NodeRole.WORKER, Duration.ofDays(1)))
                .hasMessage("CSR: no PEM \"CERTIFICATE REQUEST\" block found");
        assertThatThrownBy(() -> ca.issue(a.getPublic(), "Bad Id", NodeRole.WORKER, Duration.ofDays(1)))
                .hasMessageContaining("node id must be");
    }

    @Test
    void anotherCaCannotVouchForThisClustersNodes() {
        ClusterCa other = ClusterCa.create("cluster1", Duration.ofDays(3650), CLOCK, random);
        X509Certificate foreign = other.issue(ClusterCa.newKeyPair(random).getPublic(), "n", NodeRole.MANAGER, Duration.ofDays(1));
        assertThatThrownBy(() -> validates(foreign, ca.certificate())).isInstanceOf(AssertionError.class);
    }

    static String csr(KeyPair pair, String subject) throws Exception {
        var req = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        return Pem.block("CERTIFICATE REQUEST", req.getEncoded());
    }

    private static void validates(X509Certificate cert, X509Certificate root) {
        try {
            PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            p.setRevocationEnabled(false);
            p.setDate(Date.from(NOW));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), p);
        } catch (Exception e) {
            throw new AssertionError("does not validate against the root: " + e.getMessage(), e);
        }
    }
}
